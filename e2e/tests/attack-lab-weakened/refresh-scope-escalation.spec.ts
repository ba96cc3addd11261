import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 13, with scope narrowing switched off: the refresh grants photos:write, and Mallory uploads into alice's album", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 13);
  const outcome = await runAttack(card, { alice: testUser, weakened: true });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  const loot = outcome.getByRole("list", { name: "Mallory now holds" });
  await expect(loot).toContainText("Uploaded by Mallory, with a scope alice never granted");
  for (const title of testUser.photoTitles) await expect(loot).toContainText(title);
  await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toContainText("the rule that a refresh asks for no more scope than was granted");
});
