// The attack lab's stack (`npm run test:attack-lab`, which `npm test` runs after the main suite):
// the same production builds, not built again, started with ATTACK_LAB_WEAKENING=true, ten ports
// above the main stack and on a database of their own (E2E_STACK=attack-lab, see apps.ts). Its
// specs, in tests/attack-lab-weakened/, run the attacks with their defence switched off and check
// the red banner that says so. The refused runs belong to the main suite, where nothing can be
// switched off.
import { defineConfig } from "@playwright/test";
import { stack, webServers } from "./apps.ts";
import { browser } from "./browser.ts";

if (stack !== "attack-lab") {
  throw new Error("The attack lab's stack runs with E2E_STACK=attack-lab: `npm run test:attack-lab --workspace @seven-steps/e2e`.");
}

export default defineConfig({
  testDir: "./tests/attack-lab-weakened",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report/attack-lab" }]],
  outputDir: "test-results/attack-lab",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: browser }],
  webServer: webServers,
});
