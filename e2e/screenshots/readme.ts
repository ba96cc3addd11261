// The README's pictures of the presenter view: PrintShop's inspector, the step-through lab and the
// attack lab, each in the light theme and the dark one, as docs/screenshots/<view>-<theme>.png.
// alice, the demo account, signs in once; each view is then shot as a room would see it, with the
// system's preference light, then dark. Run by `npm run screenshots`, never by `npm test`.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { statSync } from "node:fs";
import path from "node:path";
import { apps, repositoryRoot } from "../apps.ts";
import { signInAs } from "../fixtures/test.ts";

const folder = path.join(repositoryRoot, "docs", "screenshots");
/** Small enough for a README: a page of text at 1280×800 compresses well below this. */
const maxBytes = 250_000;

/** Allows the request at PhotoCloud's consent page, unless alice allowed it before and it did not ask. */
async function allowIfAsked(page: Page, then: RegExp): Promise<void> {
  const allow = page.getByRole("button", { name: "Allow" });
  await expect(allow.or(page.getByRole("heading", { name: then }))).toBeVisible();
  if (await allow.isVisible()) await allow.click();
}

/** Waits for a smooth scroll (the lab scrolls to its current step) to end, then shows `top` at the top of the window. */
async function scrollTo(page: Page, top: Locator): Promise<void> {
  await expect.poll(async () => {
    const before = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(250);
    return (await page.evaluate(() => window.scrollY)) === before;
  }).toBe(true);
  await top.evaluate((element) => element.scrollIntoView({ block: "start", behavior: "instant" }));
}

async function shoot(page: Page, view: string): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const file = path.join(folder, `${view}-${theme}.png`);
    await page.screenshot({ path: file });
    expect(statSync(file).size, `${file} is too large for the README`).toBeLessThan(maxBytes);
  }
}

test("the presenter view of the inspector, the lab and the attack lab, light and dark", async ({ page }) => {
  // The inspector, after alice's sign-in at PrintShop, with step 5 open: the token PrintShop got.
  await page.goto(apps.client.url);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, "alice", "wonderland");
  await allowIfAsked(page, /photos$/);
  await page.getByRole("link", { name: "See how this worked, step by step" }).click();
  await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded");
  await page.getByRole("button", { name: /^Step 5\./ }).click();
  await shoot(page, "inspector");

  // The lab, half-way: the code is back (step 3), and steps 4 and 5 come next.
  await page.goto(`${apps.client.url}/lab`);
  await page.getByRole("button", { name: "Next: send the authorization request" }).click();
  await allowIfAsked(page, /^Step 3: Authorization code$/);
  await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();
  await scrollTo(page, page.getByRole("navigation", { name: "Lab progress" }));
  await shoot(page, "lab");

  // The attack lab: Mallory's forged tokens, refused; the check that refused them, and her messages.
  await page.goto(apps.attacker.url);
  const card = page.getByRole("article", { name: /^11\. / });
  await card.getByRole("button", { name: "Run it", exact: true }).click();
  const refusedBy = card.getByRole("region", { name: "Refused by" });
  await expect(refusedBy).toBeVisible({ timeout: 20_000 });
  await scrollTo(page, refusedBy);
  await shoot(page, "attack-lab");
});
