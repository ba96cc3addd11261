// Attack 12: mix-up (RFC 9700 §4.4). alice's app knows PhotoCloud and Mallory's Accounts; alice
// starts at Mallory's, which forwards her to PhotoCloud. The iss of PhotoCloud's answer (RFC 9207)
// is not the server alice's app sent her to: the app refuses it, in the browser, and says so.
import { apps } from "../../apps.ts";
import { openAttackCard, refusedBy, runAttack } from "../../fixtures/attack-lab.ts";
import { expect, test } from "../../fixtures/test.ts";

test("attack 12: alice's app refuses PhotoCloud's answer to a request it sent to Mallory's Accounts, by its iss, and the lab names the check", async ({ page, testUser }) => {
  const card = await openAttackCard(page, 12);
  const outcome = await runAttack(card, { alice: testUser });

  await expect(outcome.locator("[data-verdict]")).toHaveAttribute("data-verdict", "refused");
  const check = refusedBy(card);
  await expect(check).toContainText("the iss of the authorization response names the authorization server the request went to");
  await expect(check).toContainText("issuer_mismatch");
  await expect(check.getByRole("link", { name: "RFC 9207 §2.4" })).toBeVisible();
  await expect(check.getByRole("link", { name: "packages/protocol/src/client/authorization-response.ts" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Run it with the defence switched off" })).toHaveCount(0);
});

test("Mallory's Accounts publishes its metadata under her issuer (RFC 8414 §3), and forwards an authorization request to PhotoCloud as it came", async ({ request }) => {
  const issuer = `${apps.attacker.url}/mallory-accounts`;
  const metadata = await request.get(`${apps.attacker.url}/.well-known/oauth-authorization-server/mallory-accounts`);
  expect(await metadata.json()).toMatchObject({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token` });
  const forwarded = await request.get(`${issuer}/authorize?client_id=printshop-weak&state=s1`, { maxRedirects: 0 });
  expect(forwarded.status()).toBe(303);
  expect(forwarded.headers().location).toBe(`${apps.authorizationServer.url}/authorize?client_id=printshop-weak&state=s1`);
});
