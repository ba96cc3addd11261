// `npm run workshop` itself, as an instructor runs it, on the room's address (127.0.0.2 stands in
// for it), on ports of its own and a database of its own, with the builds the stack runs
// (--skip-build): what it prints leads to the apps, the join page and the dashboard, and Ctrl-C
// stops every app it started.
import { expect, test } from "@playwright/test";
import { stopApps } from "@seven-steps/devtools/app-process";
import { workshopApps, workshopDataFolder } from "@seven-steps/devtools/workshop/layout";
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { apps, host, repositoryRoot } from "../../apps.ts";
import { accepts } from "../../fixtures/port-check.ts";
import { signInAs } from "../../fixtures/test.ts";

/** Ten above the stack's ports: clear of its four apps, and of the four the banner spec's refusals try. */
const portBase = apps.client.port + 10;
const ports = [portBase, portBase + 1, portBase + 2, portBase + 3];
const databaseFile = path.join(repositoryRoot, "e2e", ".data", `workshop-command-${portBase}.db`);

/** The command, as the leader of its own process group: the terminal's Ctrl-C reaches the whole group. */
function runWorkshop(): { command: ChildProcess; output: () => string; exited: Promise<number | null> } {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  const command = spawn("npm", ["run", "-s", "workshop", "--", "--host", host, "--port-base", String(portBase), "--code", "Command-Test-42", "--skip-build"], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  command.stdout!.on("data", (chunk) => (output += chunk));
  command.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => command.once("exit", (code) => resolve(code)));
  return { command, output: () => output, exited };
}

test("npm run workshop prints the apps, the instructor's sign-in and a join link that answers, and Ctrl-C stops every app", async ({ page }) => {
  test.setTimeout(150_000);
  const { command, output, exited } = runWorkshop();
  try {
    await expect.poll(output, { timeout: 120_000, intervals: [500] }).toMatch(/Join link .*\n(.*\n){3}/);
    const printed = output();
    for (const port of ports) expect(printed).toContain(`http://${host}:${port} `);

    const joinLink = /Join link +(\S+)/.exec(printed)![1]!;
    expect(joinLink).toBe(`http://${host}:${portBase + 1}/workshop/join?code=Command-Test-42`);
    await page.goto(joinLink);
    await expect(page.getByRole("heading", { name: "Join the workshop" })).toBeVisible();

    expect(printed).toContain(`Dashboard           http://${host}:${portBase + 1}/workshop/room`);
    const password = /Password +(\S+) +\(made for this room/.exec(printed)![1]!;
    await page.goto(`http://${host}:${portBase + 1}/sign-in`);
    await signInAs(page, "instructor", password);
    await expect(page.getByText("Signed in as Instructor")).toBeVisible();
    await expect(page.getByRole("note", { name: "Workshop mode:" })).toContainText(`http://${host}:${portBase + 1}`);

    process.kill(-command.pid!, "SIGINT");
    expect(await exited).toBe(0);
    expect(output()).toContain("SIGINT: stopping the workshop's apps…\nStopped.");
    for (const port of ports) expect(await accepts(host, port), `nothing listens at ${host}:${port}`).toBe(false);
  } finally {
    // Whatever failed above, no app outlives the test and holds its port.
    if (command.exitCode === null) process.kill(-command.pid!, "SIGKILL");
    await stopApps(workshopApps, workshopDataFolder(portBase));
  }
});
