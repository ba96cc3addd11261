// Interop for DPoP (RFC 9449): oauth4webapi, a strict client library nobody on this project wrote,
// binds its tokens to a key of its own. A confidential client runs the code flow with DPoP and a
// `dpop_jkt`-bound code (§10) and calls the API through its nonce (§9); a public client refreshes
// with its bound refresh token (§5). A DPoP-bound token, replayed as Bearer or with another key,
// is refused (§7.1). No helper of this project runs on the client side.
import * as oauth from "oauth4webapi";
import type { Page } from "@playwright/test";
import { apps } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import { registerPublicTestClient } from "../fixtures/test-clients.ts";

const insecureLocalhost = { [oauth.allowInsecureRequests]: true };
const photos = new URL("/photos", apps.resourceApi.url);

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(apps.authorizationServer.url);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecureLocalhost }));
}

/** Steps 1 to 3 in the browser, with `dpop_jkt` naming the key the code is bound to; returns the callback's parameters. */
async function authorize(
  page: Page,
  callbacks: URL[],
  authorizationServer: oauth.AuthorizationServer,
  client: { id: string; redirectUri: string },
  DPoP: oauth.DPoPHandle,
  codeVerifier: string,
): Promise<URLSearchParams> {
  const state = oauth.generateRandomState();
  const authorizationUrl = new URL(authorizationServer.authorization_endpoint!);
  authorizationUrl.search = new URLSearchParams({
    client_id: client.id,
    redirect_uri: client.redirectUri,
    response_type: "code",
    scope: "profile photos:read",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    dpop_jkt: await DPoP.calculateThumbprint(),
  }).toString();
  await page.goto(authorizationUrl.href);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);
  return oauth.validateAuthResponse(authorizationServer, { client_id: client.id }, callbacks[0]!, state);
}

/** GET /photos with a DPoP-bound token, retrying once with the nonce the API hands out (RFC 9449 §9). */
async function listPhotos(accessToken: string, DPoP: oauth.DPoPHandle): Promise<Response> {
  const request = () => oauth.protectedResourceRequest(accessToken, "GET", photos, new Headers(), null, { DPoP, ...insecureLocalhost });
  try {
    return await request();
  } catch (error) {
    if (!oauth.isDPoPNonceError(error)) throw error;
    return request();
  }
}

/** The DPoP challenge oauth4webapi read from a refusal of the API. */
function dpopChallengeOf(error: unknown): oauth.WWWAuthenticateChallenge | undefined {
  expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  return (error as oauth.WWWAuthenticateChallengeError).cause.find((challenge) => challenge.scheme === "dpop");
}

test("oauth4webapi: a code bound by dpop_jkt, a DPoP token, the API's nonce, and the bound token refused without its key", async ({
  page,
  testClient,
  callbacks,
}) => {
  const authorizationServer = await discover();
  expect(authorizationServer.dpop_signing_alg_values_supported).toEqual(["ES256"]);
  const client: oauth.Client = { client_id: testClient.id };
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair("ES256"));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const parameters = await authorize(page, callbacks, authorizationServer, testClient, DPoP, codeVerifier);

  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    client,
    await oauth.authorizationCodeGrantRequest(
      authorizationServer,
      client,
      oauth.ClientSecretBasic(testClient.secret),
      parameters,
      testClient.redirectUri,
      codeVerifier,
      { DPoP, ...insecureLocalhost },
    ),
  );
  expect(tokens.token_type).toBe("dpop");
  const claims = JSON.parse(Buffer.from(tokens.access_token.split(".")[1]!, "base64url").toString()) as { cnf?: { jkt?: string } };
  expect(claims.cnf?.jkt).toBe(await DPoP.calculateThumbprint());

  // The first call learns the API's nonce from its 401 (use_dpop_nonce), the retry carries it.
  const answer = await listPhotos(tokens.access_token, DPoP);
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { photos: unknown[] }).photos.length).toBeGreaterThan(0);
  expect(answer.headers.get("dpop-nonce")).toBeTruthy();

  // Replayed as a bearer token, it is refused in the DPoP scheme: invalid_token, with algs.
  const asBearer = await fetch(photos, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(asBearer.status).toBe(401);
  const bearerRefusal = asBearer.headers.get("www-authenticate") ?? "";
  expect(bearerRefusal).toMatch(/^DPoP /);
  expect(bearerRefusal).toContain('error="invalid_token"');
  expect(bearerRefusal).toContain('algs="ES256"');

  // With another key's proof, it is refused as invalid_dpop_proof.
  const thief = oauth.DPoP(client, await oauth.generateKeyPair("ES256"));
  const refused = await listPhotos(tokens.access_token, thief).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(dpopChallengeOf(refused)?.parameters).toMatchObject({ error: "invalid_dpop_proof", algs: "ES256" });
});

test("oauth4webapi: a public client's refresh token is bound to its DPoP key, and useless with another", async ({ page, callbacks }) => {
  const publicClient = await registerPublicTestClient();
  const authorizationServer = await discover();
  const client: oauth.Client = { client_id: publicClient.id };
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair("ES256"));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const parameters = await authorize(page, callbacks, authorizationServer, publicClient, DPoP, codeVerifier);

  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    client,
    await oauth.authorizationCodeGrantRequest(authorizationServer, client, oauth.None(), parameters, publicClient.redirectUri, codeVerifier, {
      DPoP,
      ...insecureLocalhost,
    }),
  );
  expect(tokens.token_type).toBe("dpop");

  const refreshed = await oauth.processRefreshTokenResponse(
    authorizationServer,
    client,
    await oauth.refreshTokenGrantRequest(authorizationServer, client, oauth.None(), tokens.refresh_token!, { DPoP, ...insecureLocalhost }),
  );
  expect(refreshed.token_type).toBe("dpop");
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  expect((await listPhotos(refreshed.access_token, DPoP)).status).toBe(200);

  // The refresh token, stolen, proves nothing with another key: invalid_grant, and the grant stands.
  const thief = oauth.DPoP(client, await oauth.generateKeyPair("ES256"));
  const stolen = await oauth.refreshTokenGrantRequest(authorizationServer, client, oauth.None(), refreshed.refresh_token!, {
    DPoP: thief,
    ...insecureLocalhost,
  });
  expect(stolen.status).toBe(400);
  expect(((await stolen.json()) as { error: string }).error).toBe("invalid_grant");
  const again = await oauth.processRefreshTokenResponse(
    authorizationServer,
    client,
    await oauth.refreshTokenGrantRequest(authorizationServer, client, oauth.None(), refreshed.refresh_token!, { DPoP, ...insecureLocalhost }),
  );
  expect(again.token_type).toBe("dpop");
});
