// Attack 12 with `mix-up-iss` switched off in alice's app (the weak demo client's page): the app
// takes PhotoCloud's answer for Mallory's Accounts' and sends the code with its PKCE verifier to
// Mallory's token endpoint; she redeems them at PhotoCloud and reads alice's photos.
import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 12, the iss check switched off: Mallory redeems alice's code and verifier at PhotoCloud and holds her photos", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 12);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toContainText("the iss check of the authorization response");
  const outcome = await runAttack(card, { weakened: true, alice: testUser });

  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  const loot = outcome.getByRole("list", { name: "Mallory now holds" });
  for (const title of testUser.photoTitles) await expect(loot).toContainText(title);
  await expect(card.getByRole("list", { name: "Lanes" }).getByText("Attacker", { exact: true })).toBeVisible();
});
