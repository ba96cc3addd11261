// Each app of a workshop: its production build, started by run-app as `npm start` starts it, but
// listening on the room's address only, on its own port, its output going to a log file. Each
// runs as the leader of its own process group (scaled/process-group.ts), so that stopping it
// reaches run-app and the Next.js server it starts, and so that the terminal's Ctrl-C reaches
// the workshop command alone, which then stops the apps itself.
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { endGroup, spawnGroup, tailOf, writePidFile } from "../scaled/process-group.ts";
import { waitUntilAnswering } from "../wait.ts";
import { appPort, appUrl, type WorkshopApp, type WorkshopPlace } from "./layout.ts";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const runApp = fileURLToPath(new URL("../../bin/run-app.js", import.meta.url));

/** One Next.js server answers within seconds; four starting at once on two cores take longer. */
const startTimeoutMilliseconds = 120_000;

/** Why the workshop could not start, or stopped, in words for the instructor. */
export class WorkshopError extends Error {
  override readonly name = "WorkshopError";
}

export interface RunningApp {
  app: WorkshopApp;
  child: ChildProcess;
  logFile: string;
}

/**
 * What a workshop keeps while it runs (gitignored): each app's pid file, and its log in logs/.
 * One per port base, so that a rehearsal on other ports never touches the real one.
 */
export function workshopDataFolder(portBase: number): string {
  return path.join(repositoryRoot, "packages", "devtools", ".data", `workshop-${portBase}`);
}

export function logsFolder(dataFolder: string): string {
  return path.join(dataFolder, "logs");
}

/** The pid of the app's process group, while it runs: whoever stops the workshop reads it there. */
function pidFileOf(app: WorkshopApp, dataFolder: string): string {
  return path.join(dataFolder, `${app.folder}.pid`);
}

/**
 * Starts an app and waits until it answers at its URL. If it ends first, or does not answer in
 * time, it is stopped and the error names it, its log and the log's last lines.
 */
export async function startApp(app: WorkshopApp, place: WorkshopPlace, environment: Record<string, string>, dataFolder: string): Promise<RunningApp> {
  const port = String(appPort(app, place));
  const logFile = path.join(logsFolder(dataFolder), `${app.folder}.log`);
  const pidFile = pidFileOf(app, dataFolder);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const child = spawnGroup(process.execPath, [runApp, "start", "--name", app.folder, "--port", port, "--hostname", place.room.listen], {
    cwd: path.join(repositoryRoot, "apps", app.folder),
    // PORT too: run-app prefers it to --port, and the instructor's shell may have one of its own.
    env: { ...process.env, ...environment, PORT: port },
    logFile,
  });
  // The apps keep this process alive: it stops them when it is told to stop.
  child.ref();
  writePidFile(pidFile, child.pid!);

  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`it exited (${signal ?? `code ${code}`})`)));
  const answering = waitUntilAnswering(`${appUrl(app, place)}/`, { timeoutMilliseconds: startTimeoutMilliseconds, intervalMilliseconds: 250 }).then(
    (failure) => (failure === null ? "answering" : `it did not answer within ${startTimeoutMilliseconds / 1000} s (${failure})`),
  );
  const outcome = await Promise.race([answering, exited]);
  if (outcome !== "answering") {
    await endGroup(pidFile, "SIGKILL");
    throw new WorkshopError(`${app.label} did not start at ${appUrl(app, place)}: ${outcome}. Its log, ${logFile}, ends with:\n${tailOf(logFile)}`);
  }
  return { app, child, logFile };
}

/**
 * Stops every app of the workshop that runs, also one still starting, as an operator would
 * (SIGTERM; SIGKILL for one that has not ended after 10 s), and waits until each has ended.
 */
export async function stopApps(apps: readonly WorkshopApp[], dataFolder: string): Promise<void> {
  await Promise.all(apps.map((app) => endGroup(pidFileOf(app, dataFolder), "SIGTERM")));
}
