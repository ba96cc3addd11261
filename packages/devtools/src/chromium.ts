// Which Chromium Playwright drives, in the end-to-end tests and the benchmark: Debian's package on
// machines that have it (the CI machine installs it), a path named in PLAYWRIGHT_CHROMIUM_PATH, or
// else Playwright's own browser.
import { existsSync } from "node:fs";

const debianChromium = "/usr/bin/chromium";

export function chromiumExecutablePath(): string | undefined {
  const named = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (named) return named;
  return existsSync(debianChromium) ? debianChromium : undefined;
}

/** Flags that keep Chromium from reaching out to the internet, which these machines cannot. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
