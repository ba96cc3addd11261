// One instance of an app: its production build, started by run-app as `npm start` starts it, on
// the instance's own port, its output going to a log file of the stack's data folder.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPortProblem, isListening } from "../ports.js";
import { waitUntilAnswering } from "../wait.ts";
import { instanceLog, instancePidFile, type DataFolder } from "./data-folder.ts";
import { scaledApps, type Instance } from "./layout.ts";
import { endGroup, groupIsAlive, pollUntil, readPidFile, spawnGroup, tailOf, writePidFile } from "./process-group.ts";
import { ScaledStackError } from "./stack-error.ts";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const runApp = fileURLToPath(new URL("../../bin/run-app.js", import.meta.url));

/** One Next.js server answers within seconds; six starting at once on two cores take longer. */
const startTimeoutMilliseconds = 120_000;

/** True while the instance's pid file names a process that is still there. */
export function isRunning(instance: Instance, data: DataFolder): boolean {
  const pid = readPidFile(instancePidFile(instance, data));
  return pid !== undefined && groupIsAlive(pid);
}

/**
 * Starts an instance and waits until it answers. `environment` is what every instance of the
 * stack receives (stack.ts): the public addresses, the database, the shared session secret.
 */
export async function startInstance(instance: Instance, data: DataFolder, environment: Record<string, string>): Promise<void> {
  const problem = await findPortProblem(instance.port);
  if (problem) throw new ScaledStackError(`${instance.name} cannot start on port ${instance.port}: ${problem}`);

  const logFile = instanceLog(instance, data);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const child = spawnGroup(process.execPath, [runApp, "start", "--name", instance.name, "--port", String(instance.port)], {
    cwd: path.join(repositoryRoot, "apps", scaledApps[instance.app].folder),
    env: { ...process.env, ...environment, PORT: String(instance.port) },
    logFile,
  });
  writePidFile(instancePidFile(instance, data), child.pid!);

  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`it exited (${signal ?? `code ${code}`})`)));
  const answering = waitUntilAnswering(`http://127.0.0.1:${instance.port}/`, {
    timeoutMilliseconds: startTimeoutMilliseconds,
    intervalMilliseconds: 250,
  }).then((failure) => (failure === null ? "answering" : `it did not answer within ${startTimeoutMilliseconds / 1000} s (${failure})`));
  const outcome = await Promise.race([answering, exited]);
  if (outcome !== "answering") {
    await endGroup(instancePidFile(instance, data), "SIGKILL");
    throw new ScaledStackError(`${instance.name} did not start on port ${instance.port}: ${outcome}. ${logFile} ends with:\n${tailOf(logFile)}`);
  }
}

/** Stops an instance (SIGTERM, as an operator stops a server), and waits until its port is free. */
export async function stopInstance(instance: Instance, data: DataFolder, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  await endGroup(instancePidFile(instance, data), signal);
  if (!(await pollUntil(async () => !(await isListening(instance.port, "127.0.0.1")), 15_000))) {
    throw new ScaledStackError(`${instance.name} was stopped, but something still listens on port ${instance.port}`);
  }
}

/** A crash: SIGKILL to every process of the instance, which gets no chance to finish anything. */
export function crashInstance(instance: Instance, data: DataFolder): Promise<void> {
  return stopInstance(instance, data, "SIGKILL");
}
