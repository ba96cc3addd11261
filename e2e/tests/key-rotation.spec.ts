// npm run keys:rotate, with the apps running: tokens signed by the old key and by the new one both
// validate at the PhotoCloud API, which fetches the new key by itself. This file runs after all the
// others (its own Playwright project), since it changes the key every app relies on.
import { computeCodeChallenge, generateCodeVerifier } from "@seven-steps/protocol";
import { execFileSync } from "node:child_process";
import { decodeProtectedHeader } from "jose";
import { apps, databaseUrl, repositoryRoot } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const issuer = apps.authorizationServer.url;

test("after npm run keys:rotate, old-key and new-key tokens both validate at the resource API", async ({
  page,
  testClient,
  callbacks,
  testUser,
}) => {
  const basic = `Basic ${Buffer.from(`${testClient.id}:${testClient.secret}`).toString("base64")}`;
  const verifier = generateCodeVerifier();
  const authorize = new URL("/authorize", issuer);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: testClient.id,
    redirect_uri: testClient.redirectUri,
    scope: "photos:read",
    code_challenge: await computeCodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();
  await page.goto(authorize.toString());
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);
  const first = await page.request.post(`${issuer}/token`, {
    headers: { authorization: basic },
    form: { grant_type: "authorization_code", code: callbacks[0]!.searchParams.get("code")!, redirect_uri: testClient.redirectUri, code_verifier: verifier },
  });
  const oldTokens = (await first.json()) as { access_token: string; refresh_token: string };
  const oldKid = decodeProtectedHeader(oldTokens.access_token).kid;

  const output = execFileSync("npm", ["run", "--silent", "keys:rotate"], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  expect(output).toContain(`Retired: ${oldKid}`);

  // The authorization server picks the new key up within seconds; refresh until it signs with it.
  let refreshToken = oldTokens.refresh_token;
  let newToken = oldTokens.access_token;
  await expect
    .poll(
      async () => {
        const response = await page.request.post(`${issuer}/token`, {
          headers: { authorization: basic },
          form: { grant_type: "refresh_token", refresh_token: refreshToken },
        });
        const refreshed = (await response.json()) as { access_token: string; refresh_token: string };
        refreshToken = refreshed.refresh_token;
        newToken = refreshed.access_token;
        return decodeProtectedHeader(newToken).kid;
      },
      { timeout: 15_000, intervals: [1_000] },
    )
    .not.toBe(oldKid);

  for (const token of [newToken, oldTokens.access_token]) {
    const response = await page.request.get(`${apps.resourceApi.url}/photos`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status(), `a token signed by ${decodeProtectedHeader(token).kid}`).toBe(200);
  }
  const published = (await (await page.request.get(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
  expect(published.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, decodeProtectedHeader(newToken).kid]));
});
