import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 13: a refresh asking for photos:write on top of what alice granted is refused with invalid_scope", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 13);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText('"error": "invalid_scope"');
  const check = refusedBy(card);
  await expect(check).toContainText("the scope asked for is within the scope the user granted");
  await expect(check.getByRole("link", { name: "RFC 6749 §6" })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/authorization-server/src/oauth/grants/refresh-token.ts" })).toBeVisible();
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(1);
});
