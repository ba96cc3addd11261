// Starting the apps from a command (`npm run workshop`, `npm run demo`): each app's production
// build, started by run-app as `npm start` starts it, on the host and port given, its output
// going to a log file. Each runs as the leader of its own process group (scaled/process-group.ts),
// so that stopping it reaches run-app and the Next.js server it starts, and so that the terminal's
// Ctrl-C reaches the command alone, which then stops the apps itself.
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { endGroup, killGroupNow, spawnGroup, tailOf, writePidFile } from "./scaled/process-group.ts";
import { waitUntilAnswering } from "./wait.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const runApp = fileURLToPath(new URL("../bin/run-app.js", import.meta.url));

/** One Next.js server answers within seconds; four starting at once on two cores take longer. */
export const startTimeoutMilliseconds = 120_000;

/** An app to start: which one, where it listens, and where it answers. */
export interface AppToStart {
  /** The app's folder under apps/, and the name run-app and the logs know it by. */
  folder: "client" | "authorization-server" | "resource-api" | "attacker";
  /** Who the app is in the story. */
  label: string;
  port: number;
  /** The address it listens on alone. */
  listen: string;
  /** Where it answers. */
  url: string;
}

/** Why an app could not start, in words for the person who ran the command: which app, and its log. */
export class AppStartError extends Error {
  override readonly name = "AppStartError";
}

export interface RunningApp {
  app: AppToStart;
  child: ChildProcess;
  logFile: string;
}

/** A gitignored folder of the command's own (pid files, logs), such as `workshop-3000` or `demo`. */
export function commandDataFolder(name: string): string {
  return path.join(repositoryRoot, "packages", "devtools", ".data", name);
}

export function logsFolder(dataFolder: string): string {
  return path.join(dataFolder, "logs");
}

/** The pid of the app's process group, while it runs: whoever stops the apps reads it there. */
function pidFileOf(app: Pick<AppToStart, "folder">, dataFolder: string): string {
  return path.join(dataFolder, `${app.folder}.pid`);
}

/**
 * Starts an app and waits until it answers at its URL. If it ends first, or does not answer in
 * time, it is stopped and the error names it, its log and the log's last lines.
 */
export async function startApp(
  app: AppToStart,
  environment: Record<string, string>,
  dataFolder: string,
  timeoutMilliseconds = startTimeoutMilliseconds,
): Promise<RunningApp> {
  const port = String(app.port);
  const logFile = path.join(logsFolder(dataFolder), `${app.folder}.log`);
  const pidFile = pidFileOf(app, dataFolder);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const child = spawnGroup(process.execPath, [runApp, "start", "--name", app.folder, "--port", port, "--hostname", app.listen], {
    cwd: path.join(repositoryRoot, "apps", app.folder),
    // PORT too: run-app prefers it to --port, and the person's shell may have one of its own.
    env: { ...process.env, ...environment, PORT: port },
    logFile,
  });
  // The apps keep this process alive: it stops them when it is told to stop.
  child.ref();
  writePidFile(pidFile, child.pid!);

  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`it exited (${signal ?? `code ${code}`})`)));
  const answering = waitUntilAnswering(`${app.url}/`, { timeoutMilliseconds, intervalMilliseconds: 250 }).then((failure) =>
    failure === null ? "answering" : `it did not answer within ${timeoutMilliseconds / 1000} s (${failure})`,
  );
  const outcome = await Promise.race([answering, exited]);
  if (outcome !== "answering") {
    await endGroup(pidFile, "SIGKILL");
    throw new AppStartError(`${app.label} did not start at ${app.url}: ${outcome}. Its log, ${logFile}, ends with:\n${tailOf(logFile)}`);
  }
  return { app, child, logFile };
}

/**
 * Stops every app that runs, also one still starting, as an operator would (SIGTERM; SIGKILL for
 * one that has not ended after 10 s), and waits until each has ended.
 */
export async function stopApps(apps: readonly Pick<AppToStart, "folder">[], dataFolder: string): Promise<void> {
  await Promise.all(apps.map((app) => endGroup(pidFileOf(app, dataFolder), "SIGTERM")));
}

/** Ends every app at once (SIGKILL), without waiting: for a command that is exiting and cannot wait. */
export function killAppsNow(apps: readonly Pick<AppToStart, "folder">[], dataFolder: string): void {
  for (const app of apps) killGroupNow(pidFileOf(app, dataFolder));
}
