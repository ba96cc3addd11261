import { apps } from "../../apps.ts";
import { openAttackCard, refusedBy, runButton } from "../../fixtures/attack-lab.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

test("attack 4: PhotoCloud bounces alice neither to an unregistered redirect URI nor, by itself, to a self-registered client's", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 4);
  const tabOpened = page.waitForEvent("popup");
  await card.getByRole("button", { name: runButton, exact: true }).click();
  const tab = await tabOpened;

  // Mallory's link lands on PhotoCloud's sign-in first; signed in, alice is told, not sent on.
  await expect(tab.getByLabel("Username")).toBeVisible();
  await signInAs(tab, testUser.username, testUser.password);
  await expect(tab.getByRole("heading", { name: "This request cannot be completed" })).toBeVisible();
  await expect(tab.getByText("registered itself and has not been reviewed by PhotoCloud")).toBeVisible();
  const attackerHost = new URL(apps.attacker.url).host;
  await expect(tab.getByRole("link", { name: `Continue to ${attackerHost}` })).toBeVisible();
  expect(new URL(tab.url()).origin).toBe(apps.authorizationServer.url);

  const outcome = card.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused", { timeout: 20_000 });
  // The easy way, PrintShop's client_id with Mallory's page, got PhotoCloud's error page.
  await expect(outcome.getByRole("heading", { name: "PrintShop's client_id, with Mallory's page as redirect_uri: 400" })).toBeVisible();
  await expect(outcome.getByRole("heading", { name: /^Mallory's own client, .*: 400$/ })).toBeVisible();
  const check = refusedBy(card);
  await expect(check).toContainText("an error is redirected by itself only to a redirect URI this server trusts");
  await expect(check.getByRole("link", { name: "RFC 9700 §4.11.2" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
