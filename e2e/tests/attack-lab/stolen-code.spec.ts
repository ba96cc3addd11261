import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 1: a stolen code without its PKCE verifier is refused at the token endpoint, and the lab names the check", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 1);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  await expect(outcome.getByLabel("The answer Mallory got")).toContainText('"error": "invalid_request"');
  const check = refusedBy(card);
  await expect(check).toContainText("code_verifier");
  await expect(check.getByRole("link", { name: /^RFC 7636 §/ })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/authorization-server/src/oauth/grants/authorization-code.ts" })).toBeVisible();
  // Mallory's request is hers in the records, and the switched-off run is not offered.
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(1);
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
