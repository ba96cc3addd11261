import { apps } from "../apps.ts";
import { authorizationRequest } from "../fixtures/http-flow.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import type { TestClient } from "../fixtures/test-clients.ts";

const issuer = apps.authorizationServer.url;

async function authorizationUrl(client: TestClient, scope?: string) {
  const { query, verifier, state } = await authorizationRequest(client, scope);
  return { url: `${issuer}/authorize?${new URLSearchParams(query)}`, verifier, state };
}

test("alice signs in at the authorization server, allows the client, and the client gets a code", async ({
  page,
  testClient,
  callbacks,
}) => {
  const { url, verifier, state } = await authorizationUrl(testClient);
  await page.goto(url);

  await expect(page).toHaveURL(new RegExp(`^${issuer}/sign-in\\?return_to=`));
  await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
  await expect(page.getByText(`to continue to ${testClient.name}`)).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Demo accounts" })).toContainText("wonderland");
  await signInAs(page, "alice", "wonderland");

  await expect(page.getByRole("heading", { name: `${testClient.name} wants to access your PhotoCloud account` })).toBeVisible();
  const requested = page.getByRole("list", { name: "Requested access" });
  await expect(requested.getByRole("listitem")).toHaveText([/See your name and username/, /See your photos/]);
  await expect(page.getByText(`you will be sent back to ${new URL(apps.client.url).host}`)).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect.poll(() => callbacks.length).toBe(1);
  const callback = callbacks[0]!;
  expect(callback.searchParams.get("state")).toBe(state);
  expect(callback.searchParams.get("iss")).toBe(issuer);
  const code = callback.searchParams.get("code");
  expect(code).toMatch(/^[\w-]{43}$/);

  const response = await page.request.post(`${issuer}/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${testClient.id}:${testClient.secret}`).toString("base64")}` },
    form: { grant_type: "authorization_code", code: code!, redirect_uri: testClient.redirectUri, code_verifier: verifier },
  });
  expect(response.status()).toBe(200);
  expect((await response.json()).token_type).toBe("Bearer");
});

test("a wrong password gets a generic message and no session", async ({ page, testClient }) => {
  const { url } = await authorizationUrl(testClient);
  await page.goto(url);
  await signInAs(page, "alice", "not-her-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The username or password is incorrect.");
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("photocloud_session");
});

test("deny sends access_denied back to the client, with its state", async ({ page, testClient, callbacks }) => {
  const { url, state } = await authorizationUrl(testClient);
  await page.goto(url);
  await signInAs(page, "bob", "builder");
  await page.getByRole("button", { name: "Deny" }).click();

  await expect.poll(() => callbacks.length).toBe(1);
  const callback = callbacks[0]!;
  expect(callback.searchParams.get("error")).toBe("access_denied");
  expect(callback.searchParams.get("state")).toBe(state);
  expect(callback.searchParams.get("iss")).toBe(issuer);
  expect(callback.searchParams.has("code")).toBe(false);
});

test("consent is remembered: the second request for the same scopes skips the screen", async ({
  page,
  testClient,
  callbacks,
}) => {
  const first = await authorizationUrl(testClient);
  await page.goto(first.url);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);

  const second = await authorizationUrl(testClient, "profile");
  await page.goto(second.url);
  await expect.poll(() => callbacks.length).toBe(2);
  expect(callbacks[1]!.searchParams.get("state")).toBe(second.state);
  expect(callbacks[1]!.searchParams.has("code")).toBe(true);
});

test("the sign-in and consent pages cannot be framed and send no referrer", async ({ page, testClient }) => {
  const { url } = await authorizationUrl(testClient);
  const signInResponse = await page.goto(url);
  const consentShown = page.waitForResponse((response) => response.url().startsWith(`${issuer}/consent`));
  await signInAs(page, "alice", "wonderland");
  const consentResponse = await consentShown;
  for (const response of [signInResponse!, consentResponse]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("no-referrer");
  }
});

test("the session cookie is HttpOnly, SameSite=Lax, and hidden from page scripts", async ({ page, testClient }) => {
  const { url } = await authorizationUrl(testClient);
  await page.goto(url);
  await signInAs(page, "alice", "wonderland");
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();

  const session = (await page.context().cookies()).find((cookie) => cookie.name === "photocloud_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("photocloud_session");
});
