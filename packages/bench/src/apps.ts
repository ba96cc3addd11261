// The three apps as the benchmark runs them: their production builds, on a fresh database of
// their own, on three ports from BENCH_PORT_BASE (4000 by default, so that `npm run dev` can keep
// running). Each is started as the production server itself, not through npm, so that its
// process is the one whose memory is measured, with the flags `npm start` gives it.
import { findPortProblem } from "@seven-steps/devtools/ports";
import { productionServerFlags } from "@seven-steps/devtools/production-server-flags";
import { waitUntilAnswering } from "@seven-steps/devtools/wait";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const portBase = Number(process.env.BENCH_PORT_BASE || 4000);

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const dataFolder = path.join(repositoryRoot, "packages", "bench", ".data");
export const databaseFile = path.join(dataFolder, "bench.db");
export const databaseUrl = `file:${databaseFile}`;

export const apps = {
  client: { folder: "client", name: "PrintShop", port: portBase, url: `http://localhost:${portBase}` },
  authorizationServer: { folder: "authorization-server", name: "PhotoCloud Accounts", port: portBase + 1, url: `http://localhost:${portBase + 1}` },
  resourceApi: { folder: "resource-api", name: "PhotoCloud API", port: portBase + 2, url: `http://localhost:${portBase + 2}` },
} as const;

export type AppName = keyof typeof apps;

/** The peer, panva's oidc-provider, on the next port. */
export const peerPort = portBase + 3;

/**
 * The demo's settings, as production runs them: no recording of protocol messages for the
 * inspector (its own env.ts says to switch it off in production), and a real session secret.
 */
const environment = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CLIENT_APP_URL: apps.client.url,
  ISSUER: apps.authorizationServer.url,
  AUTHORIZATION_SERVER_ISSUER: apps.authorizationServer.url,
  RESOURCE_API_URL: apps.resourceApi.url,
  RECORD_PROTOCOL_MESSAGES: "false",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  // Shared by the two instances of each app that --postgres measures (RFC 9449 §8, §9).
  DPOP_NONCE_SECRET: randomBytes(32).toString("base64url"),
};

export interface RunningApp {
  name: string;
  process: ChildProcess;
}

/** Checks that every port the benchmark needs is free, and names the first one that is not. */
export async function checkPorts(): Promise<void> {
  for (const port of [...Object.values(apps).map((app) => app.port), peerPort]) {
    const problem = await findPortProblem(port);
    if (problem) throw new Error(`port ${port} is not free (${problem}); set BENCH_PORT_BASE to use other ports`);
  }
}

/**
 * Starts one app's production server and waits until it answers. Its output goes to a log file.
 * By default it runs on the app's port and the benchmark's SQLite database; the PostgreSQL rows
 * (postgres.ts) give another database, and another port for an instance behind the proxy.
 */
export async function startApp(name: AppName, options: { databaseUrl?: string; port?: number } = {}): Promise<RunningApp> {
  const app = apps[name];
  const port = options.port ?? app.port;
  const logFolder = path.join(dataFolder, "logs");
  mkdirSync(logFolder, { recursive: true });
  const logFile = path.join(logFolder, `${app.folder}-${port}.log`);
  const log = createWriteStream(logFile);
  const server = path.join(repositoryRoot, "packages", "devtools", "src", "production-server.js");
  const child = spawn(process.execPath, [...productionServerFlags, server, String(port)], {
    cwd: path.join(repositoryRoot, "apps", app.folder),
    env: { ...process.env, ...environment, DATABASE_URL: options.databaseUrl ?? databaseUrl, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://localhost:${port}`;
  const failure = await waitUntilAnswering(url, { timeoutMilliseconds: 60_000, intervalMilliseconds: 200 });
  if (failure) throw new Error(`${app.name} did not start on ${url}: ${failure}; see ${logFile}`);
  return { name: app.name, process: child };
}

/** The resident set size of a process, in megabytes. */
export function residentMegabytes(pid: number): number {
  const kilobytes = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
  return Math.round(kilobytes / 1024);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
