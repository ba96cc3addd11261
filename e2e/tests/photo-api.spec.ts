// Steps 6 and 7 with real tokens: a token from the running authorization server opens the member's
// photos at the running PhotoCloud API, and nothing else.
import { computeCodeChallenge, generateCodeVerifier } from "@seven-steps/protocol";
import type { Page } from "@playwright/test";
import { apps } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import type { TestClient } from "../fixtures/test-clients.ts";

const issuer = apps.authorizationServer.url;
const api = apps.resourceApi.url;

/** Steps 1 to 5 in the browser and over HTTP: the access token the client would hold. */
async function accessTokenFor(
  page: Page,
  client: TestClient,
  callbacks: URL[],
  user: { username: string; password: string },
  scope: string,
): Promise<string> {
  const verifier = generateCodeVerifier();
  const authorize = new URL("/authorize", issuer);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: client.id,
    redirect_uri: client.redirectUri,
    scope,
    state: "photo-api-test",
    code_challenge: await computeCodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();
  await page.goto(authorize.toString());
  await signInAs(page, user.username, user.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);

  const response = await page.request.post(`${issuer}/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}` },
    form: {
      grant_type: "authorization_code",
      code: callbacks[0]!.searchParams.get("code")!,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).access_token as string;
}

test("alice's token reads alice's profile and photos at the API", async ({ page, testClient, callbacks }) => {
  const token = await accessTokenFor(page, testClient, callbacks, { username: "alice", password: "wonderland" }, "profile photos:read");
  const headers = { authorization: `Bearer ${token}` };

  const me = await page.request.get(`${api}/me`, { headers });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ username: "alice", name: "Alice Liddell" });

  const photos = await page.request.get(`${api}/photos`, { headers });
  expect(photos.status()).toBe(200);
  const titles = ((await photos.json()).photos as { title: string }[]).map((photo) => photo.title);
  expect(titles).toContain("The Mad Hatter's tea party");
  expect(titles).not.toContain("A crane over the river");
});

test("a token without photos:write cannot add a photo, and the API says which scope it needs", async ({
  page,
  testClient,
  callbacks,
}) => {
  const token = await accessTokenFor(page, testClient, callbacks, { username: "bob", password: "builder" }, "photos:read");
  const response = await page.request.post(`${api}/photos`, {
    headers: { authorization: `Bearer ${token}` },
    data: { title: "Should not exist" },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["www-authenticate"]).toContain('error="insufficient_scope"');
  expect(response.headers()["www-authenticate"]).toContain('scope="photos:write"');
});

test("the API answers a request without a token with a Bearer challenge, and a DPoP one", async ({ request }) => {
  const response = await request.get(`${api}/photos`);
  expect(response.status()).toBe(401);
  const metadata = `resource_metadata="${api}/.well-known/oauth-protected-resource"`;
  expect(response.headers()["www-authenticate"]).toBe(
    `Bearer realm="PhotoCloud API", ${metadata}, DPoP realm="PhotoCloud API", algs="ES256", ${metadata}`,
  );
});
