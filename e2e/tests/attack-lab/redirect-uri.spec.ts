import { apps } from "../../apps.ts";
import { openAttackCard, refusedBy, runButton } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 3: bent redirect URIs are refused on PhotoCloud's own page, the lab names exact matching, and Mallory has a lane", async ({ page }) => {
  const card = await openAttackCard(page, 3);
  const tabOpened = page.waitForEvent("popup");
  await card.getByRole("button", { name: runButton, exact: true }).click();
  const tab = await tabOpened;

  // alice's browser, pushed by Mallory's page, ends on PhotoCloud's error page: no redirect, no code.
  await expect(tab.getByRole("heading", { name: "This sign-in request cannot be completed" })).toBeVisible();
  expect(new URL(tab.url()).origin).toBe(apps.authorizationServer.url);

  const outcome = card.getByRole("region", { name: "Outcome" });
  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused", { timeout: 20_000 });
  await expect(outcome).toContainText("refused 3 of the 3 bent redirect URIs");
  await expect(outcome.getByRole("heading", { name: /^another port of the same host: Mallory's own page \(.*\/mallory\/catch\): 400$/ })).toBeVisible();
  const check = refusedBy(card);
  await expect(check).toContainText("redirect_uri equals a registered URI, character for character");
  await expect(check.getByRole("link", { name: "RFC 9700 §2.1" })).toBeVisible();
  await expect(check.getByRole("link", { name: "apps/authorization-server/src/oauth/authorization-request/checks.ts" })).toBeVisible();

  // Mallory's three tries and the request her page pushed are hers, in the records and in the diagram.
  await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]')).toHaveCount(4);
  await expect(card.getByRole("region", { name: "Inspector of this run" }).getByRole("list", { name: "Lanes" })).toContainText("Attacker");
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});
