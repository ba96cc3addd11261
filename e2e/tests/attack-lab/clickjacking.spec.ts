import { openAttackCard, refusedBy, runButton } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 9: the browser leaves Mallory's frame of the consent page empty, and the lab names frame-ancestors", async ({ page }) => {
  const card = await openAttackCard(page, 9);
  const tabOpened = page.waitForEvent("popup");
  await card.getByRole("button", { name: runButton, exact: true }).click();
  const tab = await tabOpened;
  await expect(tab.getByRole("button", { name: "Claim your free prints" })).toBeVisible();

  const outcome = card.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused", { timeout: 30_000 });
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText("frame-ancestors 'none'");
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText('"x-frame-options": "DENY"');
  const check = refusedBy(card);
  await expect(check).toContainText("the consent page forbids framing");
  await expect(check).toContainText("Sec-Fetch-Dest: iframe");
  await expect(check.getByRole("link", { name: "RFC 9700 §4.16" })).toBeVisible();

  // PhotoCloud served the page, and the browser showed nothing of it in the frame.
  const framed = tab.frameLocator("iframe[title=\"PhotoCloud's consent page, framed by Mallory\"]");
  await expect(framed.getByRole("heading", { name: /wants to access your PhotoCloud account/ })).toHaveCount(0);
  await expect(framed.getByLabel("Username")).toHaveCount(0);
});
