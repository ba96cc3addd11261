import { defineConfig } from "@playwright/test";
import { stack, webServers } from "./apps.ts";
import { browser } from "./browser.ts";

if (stack !== "main") throw new Error(`E2E_STACK=${stack} is for another configuration (playwright.${stack}.config.ts); unset it to run the main suite.`);

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
    // The attack lab's weakened specs and the workshop's run on stacks of their own
    // (playwright.attack-lab.config.ts, playwright.workshop.config.ts).
    { name: "chromium", use: browser, testIgnore: [/key-rotation/, /stress\//, /faults\//, /after\//, /attack-lab-weakened\//, /workshop\//] },
    // Heavy traffic (fuzzing, load) runs once the functional tests are done, so they never slow
    // those down; then what changes the whole system (the signing key, stopping servers); and
    // last, the scans of what everything before left in the database and the logs.
    { name: "stress", use: browser, testMatch: /stress\//, dependencies: ["chromium"] },
    { name: "key rotation", use: browser, testMatch: /key-rotation/, dependencies: ["stress"] },
    { name: "faults", use: browser, testMatch: /faults\//, dependencies: ["key rotation"] },
    // (Not the workshop's tests/workshop/after/, which its own stack runs after its room's tests.)
    { name: "after everything", use: browser, testMatch: /tests\/after\//, dependencies: ["faults"] },
  ],
  webServer: webServers,
});
