// The workshop's stack (`npm run test:workshop`, which `npm test` runs after the attack lab's):
// the same production builds, not built again, started as `npm run workshop` starts them: in
// workshop mode (WORKSHOP_HOST), listening on a room's address only, twenty ports above the main
// stack, on a database of their own that holds a workshop room (E2E_STACK=workshop, apps.ts,
// fixtures/workshop.ts). 127.0.0.2 stands in for the room's address on the network.
import { defineConfig } from "@playwright/test";
import { stack, webServers } from "./apps.ts";
import { browser } from "./browser.ts";

if (stack !== "workshop") {
  throw new Error("The workshop's stack runs with E2E_STACK=workshop: `npm run test:workshop --workspace @seven-steps/e2e`.");
}

export default defineConfig({
  testDir: "./tests/workshop",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report/workshop" }]],
  outputDir: "test-results/workshop",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: browser, testIgnore: [/after\//] },
    // Reset room empties the room that every other test of this stack uses: the two specs that
    // press it run after them, one after the other.
    { name: "workshop pages, accessibility", use: browser, testMatch: [/after\/accessibility/], dependencies: ["chromium"] },
    { name: "after the room", use: browser, testMatch: [/after\/reset/], dependencies: ["workshop pages, accessibility"] },
  ],
  webServer: webServers,
});
