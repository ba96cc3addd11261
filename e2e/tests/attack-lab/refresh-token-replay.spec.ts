import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 6: a rotated refresh token replayed by Mallory is refused, and the whole grant is revoked, alice's new refresh token too", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 6);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText('"error": "invalid_grant"');
  await expect(outcome).toContainText("alice's app then refreshed with its own newest refresh token, and was refused too (invalid_grant)");
  await expect(outcome).toContainText("That is reuse detection: the server cannot tell the thief's copy from the owner's, so it ends the grant for both.");
  const check = refusedBy(card);
  await expect(check).toContainText("the refresh token has not been used before");
  await expect(check.getByRole("link", { name: "RFC 9700 §4.14.2" })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/authorization-server/src/oauth/grants/refresh-token.ts" })).toBeVisible();
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(1);
});
