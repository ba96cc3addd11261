import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 8: a token meant for Mallory's Prints API is refused at the PhotoCloud API by its audience check, and Mallory's replay is drawn in her lane", async ({
  page,
  testUser,
}) => {
  const card = await openAttackCard(page, 8);
  const outcome = await runAttack(card, { alice: testUser });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  await expect(outcome.getByLabel("The answer Mallory got", { exact: true })).toContainText("The access token is meant for another resource server.");
  const check = refusedBy(card);
  await expect(check).toContainText("the token's aud names this API");
  await expect(check.getByRole("link", { name: "RFC 9068 §4" })).toBeVisible();
  await expect(check.getByRole("link", { name: "packages/protocol/src/resource-server/audience.ts" })).toBeVisible();
  // Her replay is hers in the records, and in the inspector's Attacker lane.
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(1);
  const inspector = card.getByRole("region", { name: "Inspector of this run" });
  await expect(inspector.getByRole("list", { name: "Lanes" })).toContainText("Attacker");
  await expect(inspector.getByRole("button", { name: /^Mallory: GET .*photos/ })).toBeVisible();
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
