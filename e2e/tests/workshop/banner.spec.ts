// Plain http beyond this machine, only in workshop mode: every page of the workshop's stack says
// so in a banner, the apps listen on the room's address alone (127.0.0.2 stands in for it), and an
// app whose public URL is plain http beyond this machine, without WORKSHOP_HOST naming its host,
// does not start.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { apps, appsUnderTest, databaseUrl, host, repositoryRoot } from "../../apps.ts";
import { accepts } from "../../fixtures/port-check.ts";

const pages = [
  { name: "PrintShop's home page", url: apps.client.url },
  { name: "the authorization server's home page", url: apps.authorizationServer.url },
  { name: "the authorization server's sign-in page", url: `${apps.authorizationServer.url}/sign-in` },
  { name: "the resource API's home page", url: apps.resourceApi.url },
  { name: "Mallory's home page", url: apps.attacker.url },
  { name: "PrintShop's page for an address it does not serve", url: `${apps.client.url}/no-such-page` },
  // Written by a route handler, outside the layout (src/html/message-page.ts), and where the room arrives.
  { name: "the authorization server's join page", url: `${apps.authorizationServer.url}/workshop/join` },
  { name: "the authorization server's page for an authorization request it cannot redirect", url: `${apps.authorizationServer.url}/authorize` },
];

for (const { name, url } of pages) {
  test(`${name} says that the room reaches it over plain http, at which addresses`, async ({ page }) => {
    await page.goto(url);

    const banner = page.getByRole("note", { name: "Workshop mode:" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("this server is reached over plain http at");
    await expect(banner).toContainText("Anyone on this network can read what is sent: use workshop accounts only, never a real password.");
    await expect(banner.getByRole("code")).toHaveText(appsUnderTest.map((app) => app.url).sort());
    await expect(banner.getByRole("link", { name: "RFC 6749 §3.1" })).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc6749#section-3.1");
    // Not the attack lab's red alert: weakening is refused in workshop mode.
    await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toHaveCount(0);
  });
}

test("the apps listen on the room's address only", async () => {
  for (const app of appsUnderTest) {
    expect(await accepts(host, app.port), `${app.url} answers`).toBe(true);
    expect(await accepts("127.0.0.1", app.port), `nothing listens at 127.0.0.1:${app.port}`).toBe(false);
  }
});

/** Starts an app as `npm start` does, and resolves with its exit code and output once it ends. */
function startApp(workspace: string, environment: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "start", "--workspace", workspace, "--", "--hostname", host], {
      cwd: repositoryRoot,
      env: { ...process.env, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const started = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.once("exit", (code) => {
      clearTimeout(started);
      resolve({ code, output });
    });
  });
}

for (const [name, app] of Object.entries(apps)) {
  test(`${name} refuses to start with a plain-http public URL beyond this machine outside workshop mode`, async () => {
    // A name under .example (RFC 2606) stands for a room's address here: it is never looked up,
    // as the app stops while it reads its configuration, before it listens.
    const room = `http://workshop-room.example:${app.port}`;
    const { code, output } = await startApp(app.workspace, {
      DATABASE_URL: databaseUrl,
      // A port of its own (above the stack's four), which it never reaches.
      PORT: String(app.port + 4),
      CLIENT_APP_URL: room,
      ISSUER: room,
      AUTHORIZATION_SERVER_ISSUER: room,
      RESOURCE_API_URL: room,
      ATTACKER_URL: room,
    });
    expect(code).not.toBe(0);
    expect(output).toContain(`${room} is plain http on an address beyond this machine`);
    expect(output).toContain("npm run workshop -- --host workshop-room.example");
  });
}
