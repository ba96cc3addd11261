import { apps } from "../../apps.ts";
import { openAttackCard, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 3 with exact matching switched off: alice's code lands at Mallory's page, and Mallory takes alice's photos", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 3);
  const outcome = await runAttack(card, { weakened: true, alice: testUser });

  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "succeeded");
  const loot = outcome.getByRole("list", { name: "Mallory now holds" });
  for (const title of testUser.photoTitles) await expect(loot).toContainText(title);
  // The code was redeemed for Mallory's own redirect URI, on her own port.
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]').first()).toBeVisible();
  await expect(card.getByRole("region", { name: "Refused by" })).toHaveCount(0);
  expect(new URL(apps.attacker.url).port).not.toBe(new URL(apps.client.url).port);

  const banner = page.getByRole("alert", { name: /^Defences switched off/ });
  await expect(banner).toContainText("the exact comparison of redirect_uri with the registered ones");
});
