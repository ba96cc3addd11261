#!/usr/bin/env node
// Runs a command and copies everything it prints to a log file too:
//   node run-logged.js <log file> <command> [arguments...]
// The end-to-end tests start the apps through it, then read the logs for leaked secrets.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

const [logFile, command, ...args] = process.argv.slice(2);
if (!logFile || !command) {
  console.error("usage: node run-logged.js <log file> <command> [arguments...]");
  process.exit(64);
}
mkdirSync(path.dirname(logFile), { recursive: true });
const log = createWriteStream(logFile, { flags: "a" });
const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
child.stdout.on("data", (chunk) => {
  log.write(chunk);
  process.stdout.write(chunk);
});
child.stderr.on("data", (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
