import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 8 with the audience check switched off: the token meant for Mallory's Prints API gets her alice's photos, under the red banner", async ({
  page,
  testUser,
}) => {
  const card = await openAttackCard(page, 8);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toContainText("the audience (aud) check at the PhotoCloud API");
  const outcome = await runAttack(card, { weakened: true, alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  const loot = outcome.getByRole("list", { name: "Mallory now holds" });
  for (const title of testUser.photoTitles) await expect(loot).toContainText(title);
  await expect(card.getByRole("region", { name: "Refused by" })).toHaveCount(0);
  // The same kind of token, without the switch, is still refused: it was switched off for her one request.
  const again = await runAttack(card, { alice: testUser });
  await expect(again.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
});
