// Attack 2: Mallory's own code pushed into alice's browser at PrintShop's callback (RFC 9700
// §4.7, RFC 6749 §10.12). PrintShop's state and PKCE cookies refuse it: alice stays herself.
import { apps } from "../../apps.ts";
import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { signedInAtPrintShop, signInAtPrintShop } from "../../fixtures/printshop.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 2: Mallory's code pushed into alice's browser is refused at PrintShop's callback, which the lab names, with Mallory's lane", async ({ page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  const card = await openAttackCard(page, 2);
  const alicesTab = page.waitForEvent("popup");
  const outcome = await runAttack(card);

  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  const check = refusedBy(card);
  await expect(check).toContainText("a sign-in this browser started");
  await expect(check).toContainText("State cookie was missing.");
  await expect(check.getByRole("link", { name: "RFC 9700 §4.7.1" })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/client/src/auth/callback-check.ts" })).toBeVisible();
  // Mallory's own sign-in and the callback her page pushed are hers in the records, and the
  // embedded inspector draws her lane.
  await expect(card.getByRole("list", { name: "Lanes" }).getByText("Attacker", { exact: true })).toBeVisible();
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]').last()).toContainText("/api/auth/callback/authorization-server");

  // alice's tab was told the sign-in failed, and PrintShop still knows her as herself.
  const tab = await alicesTab;
  await expect(tab.getByRole("heading", { name: "PhotoCloud's answer could not be accepted" })).toBeVisible();
  await tab.goto(apps.client.url);
  await expect(signedInAtPrintShop(tab)).toContainText(testUser.name);
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
