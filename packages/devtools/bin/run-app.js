#!/usr/bin/env node
// Starts one of the apps with Next.js:  run-app <dev|start> --name <app> --port <port> [--hostname <address>]
// The PORT environment variable, when set, overrides --port (the end-to-end tests use it to run
// the apps on other ports). Without --hostname the app listens on every interface; with it, on
// that address only (a workshop listens on the room's address: `npm run workshop`).
//
// Before starting, it checks that the port is free, so that a clash is reported with the app's
// name instead of a bare EADDRINUSE, and instead of Next.js quietly moving to another port
// (the authorization server's issuer, for one, is tied to its port).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { findPortProblem } from "../src/ports.js";
import { productionServerFlags } from "../src/production-server-flags.js";

const usage = "usage: run-app <dev|start> --name <app> --port <port> [--hostname <address>]";

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { name: { type: "string" }, port: { type: "string" }, hostname: { type: "string" } } });
} catch (error) {
  fail(`${error.message}\n  ${usage}`);
}
const [mode] = parsed.positionals;
const { name, hostname } = parsed.values;
const port = process.env.PORT || parsed.values.port;
if ((mode !== "dev" && mode !== "start") || !name || !port || !/^\d+$/.test(port)) fail(usage);

const problem = await findPortProblem(Number(port), hostname);
if (problem) fail(`${name} cannot start on ${hostname ? `${hostname}:` : "port "}${port}: ${problem}`);

// Development runs `next dev`; production runs Next.js behind our small server (see its header).
const next = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");
const productionServer = fileURLToPath(new URL("../src/production-server.js", import.meta.url));
const listenOn = hostname ? [hostname] : [];
const command =
  mode === "dev"
    ? [next, "dev", "--port", port, ...(hostname ? ["--hostname", hostname] : [])]
    : [...productionServerFlags, productionServer, port, ...listenOn];
const child = spawn(process.execPath, command, {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: mode === "dev" ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
