import { apps } from "../../apps.ts";
import { openAttackCard, switchedOffButton } from "../../fixtures/attack-lab.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

test("attack 9 with frame-ancestors switched off: the real consent page shows in Mallory's frame, under her decoy", async ({ page, testUser }) => {
  // alice is signed in at PhotoCloud, as a victim of clickjacking is.
  await page.goto(`${apps.authorizationServer.url}/sign-in`);
  await signInAs(page, testUser.username, testUser.password);

  const card = await openAttackCard(page, 9);
  const tabOpened = page.waitForEvent("popup");
  await card.getByRole("button", { name: switchedOffButton, exact: true }).click();
  const tab = await tabOpened;

  const framed = tab.frameLocator("iframe[title=\"PhotoCloud's consent page, framed by Mallory\"]");
  await expect(framed.getByRole("heading", { name: "PrintShop (weak demo client) wants to access your PhotoCloud account" })).toBeVisible();
  await expect(framed.getByRole("button", { name: "Allow" })).toBeVisible();
  // The decoy lies where the frame's Allow button is: a click on one is a click on the other.
  const allow = (await framed.getByRole("button", { name: "Allow" }).boundingBox())!;
  const decoy = (await tab.getByRole("button", { name: "Claim your free prints" }).boundingBox())!;
  expect(Math.abs(allow.x - decoy.x)).toBeLessThan(8);
  expect(Math.abs(allow.y - decoy.y)).toBeLessThan(8);

  const outcome = card.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded", { timeout: 30_000 });
  await expect(outcome.getByLabel("The answer Mallory got")).not.toContainText("frame-ancestors");
  await expect(outcome.getByLabel("The answer Mallory got")).not.toContainText("x-frame-options");

  const banner = page.getByRole("alert", { name: /^Defences switched off/ });
  await expect(banner).toContainText("the consent page's refusal to be framed");
});
