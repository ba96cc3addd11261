// The browser every end-to-end stage drives: Chromium at a laptop's size, Debian's own where the
// machine has it (packages/devtools/src/chromium.ts).
import { devices } from "@playwright/test";
import { chromiumArgs, chromiumExecutablePath } from "@seven-steps/devtools/chromium";

export const browser = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 720 },
  launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
};
