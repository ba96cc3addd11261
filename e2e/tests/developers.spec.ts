// A workshop attendee registers a client on PhotoCloud's Developers page, then signs a user in
// with it: the registration is real.
import { computeCodeChallenge, generateCodeVerifier } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { apps } from "../apps.ts";
import { database } from "../fixtures/database.ts";
import { testCallbackBase } from "../fixtures/test-clients.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const issuer = apps.authorizationServer.url;

test("a client registered on the Developers page completes a sign-in", async ({ page, testUser, callbacks }) => {
  const name = `Workshop Kiosk ${randomUUID().slice(0, 6)}`;
  const redirectUri = `${testCallbackBase}/${randomUUID()}`;

  await page.goto(`${issuer}/developers`);
  await page.getByLabel("Client name").fill(name);
  await page.getByLabel("Redirect URIs").fill(redirectUri);
  await page.getByRole("radio", { name: /Confidential/ }).check();
  await page.getByRole("button", { name: "Register client" }).click();
  await expect(page.getByRole("heading", { name: `✓ ${name} is registered` })).toBeVisible();

  const clientId = (await page.getByText("client_id", { exact: true }).locator("xpath=following-sibling::p").textContent())!;
  const clientSecret = (await page.getByText("client_secret", { exact: true }).locator("xpath=following-sibling::p").textContent())!;
  const stored = await database.client.findUniqueOrThrow({ where: { id: clientId } });
  expect(stored.secretHash).not.toBe(clientSecret);
  expect(stored.name).toBe(name);

  const verifier = generateCodeVerifier();
  const authorize = new URL("/authorize", issuer);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: "profile photos:read",
    state: "developers-page",
    code_challenge: await computeCodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();
  await page.goto(authorize.toString());
  await signInAs(page, testUser.username, testUser.password);
  await expect(page.getByRole("heading", { name: `${name} wants to access your PhotoCloud account` })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);
  expect(callbacks[0]!.searchParams.get("state")).toBe("developers-page");

  const response = await page.request.post(`${issuer}/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
    form: { grant_type: "authorization_code", code: callbacks[0]!.searchParams.get("code")!, redirect_uri: redirectUri, code_verifier: verifier },
  });
  expect(response.status()).toBe(200);
  expect((await response.json()).scope).toBe("profile photos:read");
});

test("the Developers page names the field that is wrong", async ({ page }) => {
  await page.goto(`${issuer}/developers`);
  await page.getByLabel("Client name").fill("Broken Kiosk");
  await page.getByLabel("Redirect URIs").fill("http://kiosk.example/callback#fragment");
  await page.getByRole("button", { name: "Register client" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "redirect_uris[0]" })).toBeVisible();
  expect(await database.client.count({ where: { name: "Broken Kiosk" } })).toBe(0);
});
