// Attack 2 with `callback-state` switched off: PrintShop's weak sign-in (the weak demo client,
// whose next-auth provider checks neither state nor PKCE) accepts Mallory's code in alice's
// browser, which is then signed in at PrintShop as Mallory.
import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { signedInAtPrintShop, signInAtPrintShop } from "../../fixtures/printshop.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 2, the callback's state check switched off: alice's browser ends up signed in at PrintShop as Mallory", async ({ page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toBeVisible();
  const card = await openAttackCard(page, 2);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toContainText("the state check at the client's redirect URI");
  const alicesTab = page.waitForEvent("popup");
  const outcome = await runAttack(card, { weakened: true });

  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  await expect(outcome.getByRole("list", { name: "Mallory now holds" })).toContainText("alice's session at PrintShop holds Mallory's account");
  await expect(card.getByRole("list", { name: "Lanes" }).getByText("Attacker", { exact: true })).toBeVisible();

  const tab = await alicesTab;
  await expect(signedInAtPrintShop(tab)).toContainText("Mallory");
  await expect(tab.getByRole("alert", { name: /^Defences switched off/ })).toBeVisible();
});
