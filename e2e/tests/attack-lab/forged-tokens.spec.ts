import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 11: four forged tokens are refused by the API's strict validation, and the card shows each answer", async ({ page }) => {
  const card = await openAttackCard(page, 11);
  const outcome = await runAttack(card);
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  // Mallory's own token is real: it gets her own photo, and nothing of anyone else's.
  await expect(outcome).toContainText("A look-alike shop window");
  for (const [forgery, description] of [
    ["alg: none, no signature at all", "The access token must be signed with ES256."],
    ["HS256, keyed with PhotoCloud's public key", "The access token must be signed with ES256."],
    ["ES256, signed by Mallory's own key under PhotoCloud's kid", "The access token's signature does not verify."],
    ["her real token, its sub changed, its signature kept", "The access token's signature does not verify."],
  ]) {
    const answer = outcome.getByLabel(`The answer Mallory got: ${forgery}`);
    await expect(answer).toContainText('"error": "invalid_token"');
    await expect(answer).toContainText(description!);
  }
  const check = refusedBy(card);
  await expect(check).toContainText("ES256 only");
  await expect(check.getByRole("link", { name: "RFC 9068 §4" })).toBeVisible();
  await expect(check.getByRole("link", { name: "packages/protocol/src/resource-server/verify-access-token.ts" })).toBeVisible();
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]').first()).toBeVisible();
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
