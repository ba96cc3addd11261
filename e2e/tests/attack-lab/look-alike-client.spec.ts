import { apps } from "../../apps.ts";
import { openAttackCard, runButton } from "../../fixtures/attack-lab.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

test("attack 10: the consent screen says Mallory's look-alike PrintShop registered itself, and names her host", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 10);
  const tabOpened = page.waitForEvent("popup");
  await card.getByRole("button", { name: runButton, exact: true }).click();
  const tab = await tabOpened;

  await expect(tab.getByLabel("Username")).toBeVisible();
  await signInAs(tab, testUser.username, testUser.password);
  await expect(tab.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
  const note = tab.getByRole("note", { name: "Not reviewed by PhotoCloud" });
  await expect(note).toContainText("PrintShop registered itself; not reviewed by PhotoCloud.");
  const attackerHost = new URL(apps.attacker.url).host;
  await expect(note).toContainText(`you will be sent to ${attackerHost}`);

  const outcome = card.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused", { timeout: 20_000 });
  await expect(outcome).toContainText("the consent screen says when a client registered itself");
  await expect(outcome).toContainText(attackerHost);
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
