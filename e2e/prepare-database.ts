// Run before Playwright: checks that a browser is there, then creates a fresh, migrated and
// seeded database for the apps under test (and, for the workshop's stack, its room).
import { chromium } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { getDatabase } from "@seven-steps/db";
import { apps, databaseFile, databaseUrl, labRedirectUri, logFolder, printShopRedirectUri, repositoryRoot, stack, weakClientRedirectUri, weakSignInRedirectUri } from "./apps.ts";
import { chromiumExecutablePath } from "@seven-steps/devtools/chromium";
import { prepareWorkshopRoom } from "./fixtures/workshop.ts";

const browser = chromiumExecutablePath() ?? chromium.executablePath();
if (!existsSync(browser)) {
  console.error(
    `\n✖ No Chromium found for the end-to-end tests (looked for ${browser}).\n` +
      "  Install Playwright's own with `npx playwright install chromium`,\n" +
      "  or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome binary.\n",
  );
  process.exit(1);
}

mkdirSync(path.dirname(databaseFile), { recursive: true });
rmSync(logFolder, { recursive: true, force: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
const setup = spawnSync("npm", ["run", "db:setup", "--workspace", "@seven-steps/db"], {
  cwd: repositoryRoot,
  // The seed registers Mallory's Prints API at the attacker app of this stack.
  env: { ...process.env, DATABASE_URL: databaseUrl, ATTACKER_URL: apps.attacker.url },
  stdio: ["ignore", "ignore", "inherit"],
});
if (setup.status !== 0) {
  console.error("\n✖ The end-to-end database could not be created; see the errors above.\n");
  process.exit(1);
}

// The seed registers PrintShop, its lab and the weak demo client for the demo's ports; on other
// ports, their redirect URIs follow the client app.
const database = getDatabase(databaseUrl);
for (const [clientId, uri] of [
  ["printshop", printShopRedirectUri],
  ["printshop-lab", labRedirectUri],
  ["printshop-weak", weakClientRedirectUri],
  ["printshop-weak", weakSignInRedirectUri],
] as const) {
  await database.clientRedirectUri.upsert({
    where: { clientId_uri: { clientId, uri } },
    update: {},
    create: { clientId, uri },
  });
}
await database.$disconnect();

if (stack === "workshop" && !prepareWorkshopRoom(databaseUrl)) {
  console.error("\n✖ The workshop's room could not be opened; see the errors above.\n");
  process.exit(1);
}
