// The scaled stage (`npm run test:e2e:scaled`): the same production builds, two instances of each
// app behind nginx on the public ports 3000 to 3002, sharing one PostgreSQL database
// (packages/devtools/src/scaled/). Every request of a flow may land on either instance, so each
// test here shows that the apps keep no state of their own that the other instance would miss.
//
// It reuses the specs of tests/ that run unchanged against this stack, and adds its own in
// scaled/tests/: the alternation itself, key rotation while traffic flows, and an instance
// crashing in the middle of a sign-in.
import { defineConfig } from "@playwright/test";
import { scaledApps } from "@seven-steps/devtools/scaled/layout";
import { browser } from "./browser.ts";

// The reused specs find the apps through apps.ts, at E2E_PORT_BASE and the two ports after it:
// here, nginx's public ports, which are the demo's. Mallory's app is not part of this stack.
process.env.E2E_PORT_BASE = String(scaledApps.client.publicPort);
process.env.E2E_STACK = "scaled";

/**
 * The specs of tests/ that run here unchanged. Left out, and why:
 * - after/secrets.spec.ts: it lists the tables from SQLite's catalog, and reads the logs of the
 *   single-instance stage.
 * - faults/: they stop and start a single-instance stack of their own, on SQLite.
 * - stress/: fuzzing and load belong to their own runs (npm run test:fuzz, test:load).
 */
const reusedSpecs = [
  "tests/smoke.spec.ts",
  "tests/client.spec.ts",
  "tests/connected-apps.spec.ts",
  // The Developers page's one-time registration answer waits in the database, for either instance.
  "tests/developers.spec.ts",
  "tests/authorization-server.spec.ts",
  "tests/photo-api.spec.ts",
  "tests/interop-oauth4webapi.spec.ts",
  // A pushed request, a DPoP proof's jti and a nonce made at one instance are used at the other.
  "tests/interop-par.spec.ts",
  "tests/interop-dpop.spec.ts",
  "tests/interop-2026.spec.ts",
  "tests/inspector.spec.ts",
  "tests/lab.spec.ts",
  "tests/hardening/*.spec.ts",
  "tests/attacks/*.spec.ts",
];

export default defineConfig({
  testDir: ".",
  globalSetup: "./scaled/global-setup.ts",
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report/scaled" }]],
  outputDir: "test-results/scaled",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Each project runs once the one before it is done, so that the tests that crash an instance
  // or rotate the key never run beside the others.
  projects: [
    // First and alone: with no other traffic, nginx's round robin alternates strictly.
    { name: "alternation", use: browser, testMatch: "scaled/tests/alternation.spec.ts" },
    { name: "chromium", use: browser, fullyParallel: true, testMatch: reusedSpecs, dependencies: ["alternation"] },
    { name: "key rotation", use: browser, testMatch: "tests/key-rotation.spec.ts", dependencies: ["chromium"] },
    { name: "key rotation under traffic", use: browser, testMatch: "scaled/tests/key-rotation-under-traffic.spec.ts", dependencies: ["key rotation"] },
    { name: "instance crash", use: browser, testMatch: "scaled/tests/instance-crash.spec.ts", dependencies: ["key rotation under traffic"] },
    { name: "after everything", use: browser, testMatch: "scaled/tests/after-everything.spec.ts", dependencies: ["instance crash"] },
  ],
});
