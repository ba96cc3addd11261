import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 5: a used code sent again is refused, and what its first use issued is revoked, alice's app's refresh token too", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 5);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText('"error": "invalid_grant"');
  // RFC 6749 §4.1.2: the server SHOULD revoke the tokens issued for the code; alice's app finds out at its next refresh.
  await expect(outcome).toContainText("alice's app then refreshed with its own newest refresh token, and was refused too (invalid_grant)");
  const check = refusedBy(card);
  await expect(check).toContainText("the code is used once");
  await expect(check.getByRole("link", { name: "RFC 6749 §4.1.2" })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/authorization-server/src/oauth/grants/authorization-code.ts" })).toBeVisible();
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(1);
});
