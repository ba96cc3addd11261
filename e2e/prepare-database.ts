// Run before Playwright: checks that a browser is there, then creates a fresh, migrated and
// seeded database for the apps under test.
import { chromium } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseFile, databaseUrl, repositoryRoot } from "./apps.ts";
import { chromiumExecutablePath } from "./browser.ts";

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
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
const setup = spawnSync("npm", ["run", "db:setup", "--workspace", "@seven-steps/db"], {
  cwd: repositoryRoot,
  env: { ...process.env, DATABASE_URL: databaseUrl },
  stdio: ["ignore", "ignore", "inherit"],
});
if (setup.status !== 0) {
  console.error("\n✖ The end-to-end database could not be created; see the errors above.\n");
  process.exit(1);
}
