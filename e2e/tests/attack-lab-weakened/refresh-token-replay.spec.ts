import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 6, with reuse detection switched off: the retired refresh token still works, and Mallory holds alice's photos", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 6);
  const outcome = await runAttack(card, { alice: testUser, weakened: true });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  const loot = outcome.getByRole("list", { name: "Mallory now holds" });
  for (const title of testUser.photoTitles) await expect(loot).toContainText(title);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toContainText("the detection of a rotated refresh token used again");
});
