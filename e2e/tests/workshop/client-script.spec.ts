// Exercise 3's script, exactly as the exercises page prints it, run with `node` against the room's
// server: the attendee pastes their client secret, runs it, opens the link it prints in the
// browser they joined with, and the script redeems the code, calls the API and refreshes. The
// exercises page then marks exercises 3, 4 and 5 done, from what the server saw.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { repositoryRoot } from "../../apps.ts";
import { expect, test } from "../../fixtures/test.ts";
import { workshopUrls } from "../../fixtures/workshop.ts";

/** A port nothing listens on now, for the script's redirect URI. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "localhost", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

test("the oauth4webapi script of exercise 3, as the page prints it, runs with node: code flow, API call and refresh", async ({ page }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  await page.goto(workshopUrls.joinLink);
  await page.getByLabel("Display name").fill("Script Runner");
  await page.getByLabel("Port on your laptop").fill(String(port));
  await page.getByRole("button", { name: "Join" }).click();
  const secret = await page.locator("p", { hasText: /^client_secret$/ }).locator("xpath=following-sibling::p[1]").innerText();
  await page.getByRole("link", { name: "Continue to the exercises" }).click();

  // The script as printed, with the secret pasted in, in an empty folder that has oauth4webapi.
  const printed = await page.locator("pre").filter({ hasText: "oauth4webapi" }).innerText();
  expect(printed).toContain(`http://localhost:${port}/callback`);
  const folder = mkdtempSync(path.join(tmpdir(), "workshop-client-"));
  try {
    mkdirSync(path.join(folder, "node_modules"));
    symlinkSync(path.join(repositoryRoot, "node_modules", "oauth4webapi"), path.join(folder, "node_modules", "oauth4webapi"));
    const pasted = printed.replace('const clientSecret = "PASTE YOUR CLIENT SECRET HERE";', `const clientSecret = ${JSON.stringify(secret)};`);
    expect(pasted).not.toBe(printed);
    writeFileSync(path.join(folder, "client.mjs"), pasted);

    // As in an attendee's terminal, less the colours that Playwright asks of the processes it starts.
    const { FORCE_COLOR: _colours, ...environment } = process.env;
    const script = spawn(process.execPath, ["client.mjs"], { cwd: folder, env: environment, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    script.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    script.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => script.on("exit", resolve));
    try {
      await expect.poll(() => output, { timeout: 15_000 }).toContain("Open this in your browser:");
      const authorizationUrl = /Open this in your browser:\n(\S+)/.exec(output)![1]!;
      expect(new URL(authorizationUrl).origin).toBe(new URL(workshopUrls.join).origin);

      // The attendee opens it in the browser they joined with: signed in already, they allow it.
      await page.goto(authorizationUrl);
      await page.getByRole("button", { name: "Allow" }).click();
      await expect(page.getByText("Back to your terminal!")).toBeVisible();
      expect(await exited).toBe(0);
    } finally {
      script.kill();
    }
    expect(output).toContain("Access token, for the scope: profile photos:read");
    expect(output).toMatch(/Your photos: \[\s*'/);
    expect(output).toContain("Refreshed: a new access token, valid for");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  // Exercises 3, 4 and 5, done as the server saw them.
  await page.goto(workshopUrls.exercises);
  for (const number of [3, 4, 5]) {
    const exercise = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${number}\\. `) }) });
    await expect(exercise).toContainText("Done", { timeout: 10_000 });
  }
});
