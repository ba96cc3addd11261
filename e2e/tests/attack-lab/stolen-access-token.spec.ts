import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 7: a stolen Bearer token works from Mallory's machine; a DPoP-bound one is refused without its key, and the lab names the binding check", async ({
  page,
  testUser,
}) => {
  const card = await openAttackCard(page, 7);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  // The first half: the Bearer token is worth alice's photos to whoever holds it, and the card says why that matters.
  await expect(outcome).toContainText("short-lived and kept secret");
  const bearer = outcome.getByLabel("The answer Mallory got: The Bearer token, from Mallory's machine");
  for (const title of testUser.photoTitles) await expect(bearer).toContainText(title);
  // The second half: the bound token, without alice's app's key, either way Mallory tries.
  await expect(outcome.getByLabel("The answer Mallory got: The DPoP-bound token, sent as Bearer")).toContainText('"error": "invalid_token"');
  await expect(outcome.getByLabel("The answer Mallory got: The DPoP-bound token, with a proof of Mallory's own key")).toContainText(
    '"error": "invalid_dpop_proof"',
  );
  const check = refusedBy(card);
  await expect(check).toContainText("cnf.jkt");
  await expect(check.getByRole("link", { name: "RFC 9449 §7.1" })).toBeVisible();
  await expect(check.getByRole("link", { name: "packages/protocol/src/resource-server/dpop-bound-token.ts" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
