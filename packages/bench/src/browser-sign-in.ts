// Row 6: the seven steps in a real browser, timed from choosing "Sign in with PhotoCloud" on
// PrintShop to seeing the member's photos: the authorization request, sign-in and consent at
// PhotoCloud Accounts, the code back to PrintShop, its token request, and the photos it reads from
// the API. Each sign-in is a new member's first, in a fresh browser context.
//
// Each is followed by the same steps against the floor (browser-floor.ts), pages that do no work,
// so that both see the same machine at the same moments: the difference is the apps' own.
import { chromium, type Browser } from "@playwright/test";
import { chromiumArgs, chromiumExecutablePath } from "@seven-steps/devtools/chromium";
import type { FlowUser } from "@seven-steps/http-flow";
import { performance } from "node:perf_hooks";
import { apps } from "./apps.ts";
import { startBrowserFloor } from "./browser-floor.ts";

export const warmUpSignIns = 2;
export const measuredSignIns = 20;

async function timedSignIn(browser: Browser, clientUrl: string, member: FlowUser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(clientUrl);
    // The member chooses to sign in once the button can be pressed: the page has hydrated.
    const signIn = page.getByRole("button", { name: "Sign in with PhotoCloud" });
    await signIn.and(page.locator(":enabled")).waitFor();
    const start = performance.now();
    await signIn.click();
    await page.getByLabel("Username").fill(member.username);
    await page.getByLabel("Password").fill(member.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.getByRole("list", { name: "Photos" }).getByRole("listitem").nth(1).waitFor();
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

function median(sorted: number[]): number {
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

export interface BrowserResult {
  medianMilliseconds: number;
  p95Milliseconds: number;
  signIns: number;
}

function summary(timings: number[]): BrowserResult {
  const sorted = timings.toSorted((a, b) => a - b);
  return {
    medianMilliseconds: Math.round(median(sorted)),
    p95Milliseconds: Math.round(percentile(sorted, 0.95)),
    signIns: sorted.length,
  };
}

/**
 * Two sign-ins to warm up, then twenty timed ones, one member each; each followed by one at the
 * floor. `apps` are the real sign-ins, `floor` the same steps against pages that do no work.
 */
export async function measureBrowserSignIns(members: FlowUser[]): Promise<{ apps: BrowserResult; floor: BrowserResult }> {
  const floor = await startBrowserFloor();
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: chromiumArgs });
  try {
    const appTimings: number[] = [];
    const floorTimings: number[] = [];
    for (const [index, member] of members.entries()) {
      const milliseconds = await timedSignIn(browser, apps.client.url, member);
      const floorMilliseconds = await timedSignIn(browser, floor.clientUrl, member);
      if (index < warmUpSignIns) continue;
      appTimings.push(milliseconds);
      floorTimings.push(floorMilliseconds);
    }
    return { apps: summary(appTimings), floor: summary(floorTimings) };
  } finally {
    await browser.close();
    await floor.close();
  }
}
