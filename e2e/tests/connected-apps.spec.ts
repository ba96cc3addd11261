// The user takes access back at PhotoCloud's "Connected apps": PrintShop's grant is revoked at
// once, and PrintShop asks the user to sign in again as soon as it needs a new token.
import { demoResourceServerClient } from "@seven-steps/db/demo-data";
import { decodeJwt } from "jose";
import { apps } from "../apps.ts";
import { database } from "../fixtures/database.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const client = apps.client.url;
const issuer = apps.authorizationServer.url;

test("alice revokes PrintShop on Connected apps; PrintShop then asks her to sign in again", async ({ page, testUser }) => {
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

  // The access token PrintShop holds, as the inspector recorded it.
  const user = await database.user.findUniqueOrThrow({ where: { username: testUser.username } });
  const grant = await database.grant.findFirstOrThrow({ where: { userId: user.id, clientId: "printshop" } });
  const accessToken = await database.accessToken.findFirstOrThrow({ where: { grantId: grant.id }, orderBy: { issuedAt: "desc" } });

  await page.goto(`${issuer}/connected-apps`);
  const printShop = page.getByRole("list", { name: "Connected apps" }).getByRole("listitem").filter({ hasText: "PrintShop" });
  await expect(printShop).toContainText("See your photos");
  await expect(printShop).toContainText("Allowed since");
  await printShop.getByRole("button", { name: "Revoke access for PrintShop" }).click();
  await expect(page.getByRole("status")).toContainText("Access revoked");
  await expect(page.getByRole("list", { name: "Connected apps" }).getByRole("listitem").filter({ hasText: "PrintShop" })).toHaveCount(0);

  // Revoked at once, for anyone who asks the authorization server (RFC 7662).
  expect((await database.grant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).not.toBeNull();
  const tokenExchanges = await database.protocolExchange.findMany({ where: { kind: { in: ["token", "refresh"] }, status: 200 } });
  const issuedToken = tokenExchanges
    .map((exchange) => (JSON.parse(exchange.responseBody!) as { access_token: string }).access_token)
    .find((token) => decodeJwt(token).jti === accessToken.jti);
  expect(issuedToken, "the inspector recorded the access token PrintShop holds").toBeDefined();
  const introspection = await page.request.post(`${issuer}/introspect`, {
    headers: { authorization: `Basic ${Buffer.from(`${demoResourceServerClient.id}:${demoResourceServerClient.secret}`).toString("base64")}` },
    form: { token: issuedToken! },
  });
  expect(await introspection.json()).toEqual({ active: false });

  // With local validation the access token works until it expires (six seconds here); PrintShop's
  // next resource call then needs a new one, the refresh is refused, and it asks alice to sign in.
  await expect
    .poll(
      async () => {
        await page.goto(`${client}/photos`);
        return page.getByRole("heading", { name: "Please sign in again" }).isVisible();
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(true);
  await expect(page.getByRole("alert").filter({ hasText: "invalid_grant" })).toBeVisible();

  // Signing in again asks for consent again: it was forgotten.
  await page.getByRole("button", { name: "Sign in again" }).click();
  await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();
});

test("signing out of PrintShop gives its refresh token back: the grant is revoked", async ({ page, testUser }) => {
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in with PhotoCloud" })).toBeVisible();
  const user = await database.user.findUniqueOrThrow({ where: { username: testUser.username } });
  await expect
    .poll(async () => (await database.grant.findFirstOrThrow({ where: { userId: user.id, clientId: "printshop" } })).revocationReason)
    .toBe("refresh token revoked by the client");
});
