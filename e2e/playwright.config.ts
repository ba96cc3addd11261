import { defineConfig } from "@playwright/test";
import path from "node:path";
import { appEnvironment, apps, databaseUrl, logFolder, repositoryRoot, testSettings } from "./apps.ts";
import { browser } from "./browser.ts";

const environment = { ...appEnvironment, DATABASE_URL: databaseUrl, ...testSettings };

// Each app's output also goes to a log file, which the last tests read for leaked secrets.
const webServers = Object.entries(apps).map(([name, app]) => ({
  command: `node e2e/run-logged.js ${path.join(logFolder, `${name}.log`)} npm run start --workspace ${app.workspace}`,
  cwd: repositoryRoot,
  url: app.url,
  env: { ...environment, PORT: String(app.port) },
  // The tests need a fresh database; a server left running by `npm run dev` would use another one.
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
}));

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 720 },
  },
  projects: [
    // The attack lab's runs with a defence switched off need a stack started for the lab (playwright.attack-lab.config.ts).
    { name: "chromium", use: browser, testIgnore: [/key-rotation/, /stress\//, /faults\//, /after\//, /attack-lab-weakened\//] },
    // Heavy traffic (fuzzing, load) runs once the functional tests are done, so they never slow
    // those down; then what changes the whole system (the signing key, stopping servers); and
    // last, the scans of what everything before left in the database and the logs.
    { name: "stress", use: browser, testMatch: /stress\//, dependencies: ["chromium"] },
    { name: "key rotation", use: browser, testMatch: /key-rotation/, dependencies: ["stress"] },
    { name: "faults", use: browser, testMatch: /faults\//, dependencies: ["key rotation"] },
    { name: "after everything", use: browser, testMatch: /after\//, dependencies: ["faults"] },
  ],
  webServer: webServers,
});
