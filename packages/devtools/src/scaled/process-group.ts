// Each part of the scaled stack (an app instance, nginx) runs as the leader of its own process
// group, so that one signal reaches every process it consists of (run-app and the Next.js server
// it starts; nginx's master and its worker): SIGTERM to stop it the way an operator would, SIGKILL
// to simulate a crash. Its pid is kept in a file, so that any process can stop it: the one that
// started the stack, a test that crashes an instance, or the end of a test run.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";

/**
 * Starts a command as the leader of a new process group, its output appended to `logFile`. The
 * caller's event loop does not wait for it: the pid file, not this process, keeps track of it.
 */
export function spawnGroup(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): ChildProcess {
  const log = openSync(options.logFile, "a");
  writeSync(log, `\n--- ${[command, ...args].join(" ")}, started at ${new Date().toISOString()}\n`);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  child.unref();
  return child;
}

export function writePidFile(file: string, pid: number): void {
  writeFileSync(file, `${pid}\n`);
}

/** The pid in a pid file, or undefined when there is no such file (the process was never started, or was stopped). */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive. */
export function groupIsAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

export async function pollUntil(condition: () => boolean | Promise<boolean>, timeoutMilliseconds: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Sends `signal` to the group and waits until every process of it has ended; a group that has
 * not ended after `timeoutMilliseconds` is ended with SIGKILL. The pid file goes with it.
 */
export async function endGroup(pidFile: string, signal: NodeJS.Signals, timeoutMilliseconds = 10_000): Promise<void> {
  const pid = readPidFile(pidFile);
  if (pid !== undefined) {
    signalGroup(pid, signal);
    if (!(await pollUntil(() => !groupIsAlive(pid), timeoutMilliseconds))) {
      signalGroup(pid, "SIGKILL");
      await pollUntil(() => !groupIsAlive(pid), timeoutMilliseconds);
    }
  }
  rmSync(pidFile, { force: true });
}

/** SIGKILL to the group at once, without waiting: for a process that is exiting and cannot wait. */
export function killGroupNow(pidFile: string): void {
  const pid = readPidFile(pidFile);
  if (pid !== undefined) signalGroup(pid, "SIGKILL");
  rmSync(pidFile, { force: true });
}

/** The last lines of a log, for a message saying why something did not start. */
export function tailOf(logFile: string, lines = 30): string {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
