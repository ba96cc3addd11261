// The README's screenshots of the presenter view (`npm run screenshots`), taken on the main stack
// as the end-to-end tests run it (screenshots/readme.ts), and the room dashboard's on the
// workshop's stack (screenshots/workshop.ts). Not a test: `npm test` never runs it.
import { defineConfig } from "@playwright/test";
import { stack, webServers } from "./apps.ts";
import { browser } from "./browser.ts";

if (stack !== "main" && stack !== "workshop") throw new Error(`The screenshots are taken on the main and workshop stacks, not on ${stack}.`);

export default defineConfig({
  testDir: "./screenshots",
  testMatch: stack === "workshop" ? /workshop\.ts$/ : /readme\.ts$/,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 90_000,
  reporter: [["list"]],
  outputDir: "test-results/screenshots",
  use: { trace: "retain-on-failure" },
  projects: [{ name: "chromium", use: { ...browser, viewport: { width: 1280, height: 800 } } }],
  webServer: webServers,
});
