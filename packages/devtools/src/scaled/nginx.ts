// nginx, from Debian's package, as the stack's round-robin proxy: started in the foreground with
// the configuration nginx-config.ts generates, everything it writes kept in the data folder:
//   nginx -c <folder>/nginx.conf -p <folder>/ -e <folder>/logs/nginx-error.log
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isListening } from "../ports.js";
import { logsFolder, nginxConfigFile, nginxErrorLog, nginxPidFile, type DataFolder } from "./data-folder.ts";
import { scaledAppNames, scaledApps } from "./layout.ts";
import { nginxConfig } from "./nginx-config.ts";
import { endGroup, pollUntil, spawnGroup, tailOf, writePidFile } from "./process-group.ts";
import { ScaledStackError } from "./stack-error.ts";

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
const candidates = ["/usr/sbin/nginx", ...(process.env.PATH ?? "").split(path.delimiter).map((folder) => path.join(folder, "nginx"))];

/** The nginx program, or an error that says how to install it. */
export function findNginx(): string {
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new ScaledStackError("nginx is not installed (looked in /usr/sbin and on PATH). On Debian or Ubuntu: apt-get install nginx");
  return found;
}

/** Writes the configuration, checks it with `nginx -t`, starts nginx and waits until it listens on every public port. */
export async function startNginx(data: DataFolder): Promise<void> {
  const nginx = findNginx();
  const errorLog = nginxErrorLog(data);
  for (const folder of [logsFolder(data), path.join(data.folder, "temp")]) mkdirSync(folder, { recursive: true });
  writeFileSync(nginxConfigFile(data), nginxConfig(data));
  const args = ["-c", nginxConfigFile(data), "-p", `${data.folder}/`, "-e", errorLog];

  const test = spawnSync(nginx, ["-t", ...args], { encoding: "utf8" });
  if (test.status !== 0) throw new ScaledStackError(`nginx refused its configuration (${nginxConfigFile(data)}):\n${test.stderr}`);

  const child = spawnGroup(nginx, args, { logFile: errorLog });
  // Written at once rather than left to nginx, so that a start that fails half-way can be stopped.
  writePidFile(nginxPidFile(data), child.pid!);
  let exit: string | undefined;
  child.once("exit", (code, signal) => (exit = `it exited (${signal ?? `code ${code}`})`));
  const ports = scaledAppNames.map((app) => scaledApps[app].publicPort);
  const everyPortListens = async () => (await Promise.all(ports.map((port) => isListening(port)))).every(Boolean);
  const listening = await pollUntil(async () => exit !== undefined || (await everyPortListens()), 15_000);
  if (exit !== undefined || !listening) {
    await stopNginx(data);
    throw new ScaledStackError(`nginx did not start: ${exit ?? "it did not listen within 15 s"}. ${errorLog} ends with:\n${tailOf(errorLog)}`);
  }
}

/** Stops nginx gracefully (SIGQUIT: the requests it is answering are finished first). */
export async function stopNginx(data: DataFolder): Promise<void> {
  await endGroup(nginxPidFile(data), "SIGQUIT");
}
