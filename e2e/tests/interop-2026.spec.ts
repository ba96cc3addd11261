// Interop, the way an MCP client meets an API in 2026: oauth4webapi, a strict client library nobody
// on this project wrote, starts from nothing but the API's URL. It calls the API, reads the 401's
// `resource_metadata` (RFC 9728), discovers the authorization server (RFC 8414), pushes its
// authorization request (RFC 9126) naming the API as `resource` (RFC 8707), binds everything to a
// DPoP key (RFC 9449), and answers the API's nonce. A refresh proves the same key: a public
// client's refresh token is bound to it. No helper of this project runs on the client side.
import { getDatabase } from "@seven-steps/db";
import { randomUUID } from "node:crypto";
import * as oauth from "oauth4webapi";
import { apps, databaseUrl } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import { testCallbackBase } from "../fixtures/test-clients.ts";

const insecureLocalhost = { [oauth.allowInsecureRequests]: true };

/** A public client that must use PAR and DPoP, registered for this test. */
async function registerStrictPublicClient(): Promise<{ id: string; redirectUri: string }> {
  const id = `e2e-2026-${randomUUID()}`;
  const redirectUri = `${testCallbackBase}/${id}`;
  await getDatabase(databaseUrl).client.create({
    data: {
      id,
      name: "Test Assistant",
      secretHash: null,
      tokenEndpointAuthMethod: "none",
      allowedScopes: "profile photos:read",
      allowedGrantTypes: "authorization_code refresh_token",
      dpopBoundAccessTokens: true,
      requirePushedAuthorizationRequests: true,
      redirectUris: { create: [{ uri: redirectUri }] },
    },
  });
  return { id, redirectUri };
}

/** Calls the API with the DPoP-bound token, answering one `use_dpop_nonce` as RFC 9449 §9 asks. */
async function callApi(accessToken: string, url: URL, DPoP: oauth.DPoPHandle): Promise<Response> {
  try {
    return await oauth.protectedResourceRequest(accessToken, "GET", url, new Headers(), null, { DPoP, ...insecureLocalhost });
  } catch (error) {
    if (!oauth.isDPoPNonceError(error)) throw error;
    return oauth.protectedResourceRequest(accessToken, "GET", url, new Headers(), null, { DPoP, ...insecureLocalhost });
  }
}

test("oauth4webapi: from the API's 401 to its photos, with resource metadata, PAR, resource, DPoP with a nonce, and a bound refresh", async ({
  page,
  callbacks,
}) => {
  const client = await registerStrictPublicClient();
  const api = new URL(apps.resourceApi.url);
  const photos = new URL("/photos", api);

  // Step 0: the API refuses the bare request, and says where its metadata is.
  const bare = await fetch(photos);
  expect(bare.status).toBe(401);
  // oauth4webapi reads challenges only from the answers of its own requests, and a bare request
  // has no token to send; the one parameter this test needs is read here.
  const challenge = bare.headers.get("www-authenticate") ?? "";
  const resourceMetadataUrl = /\bresource_metadata="([^"]+)"/.exec(challenge)?.[1];
  expect(resourceMetadataUrl).toBe(`${apps.resourceApi.url}/.well-known/oauth-protected-resource`);

  const resourceServer = await oauth.processResourceDiscoveryResponse(api, await fetch(resourceMetadataUrl!));
  expect(resourceServer.dpop_signing_alg_values_supported).toContain("ES256");
  const issuer = new URL(resourceServer.authorization_servers![0]!);
  const authorizationServer = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecureLocalhost }),
  );
  expect(authorizationServer.pushed_authorization_request_endpoint).toBe(`${apps.authorizationServer.url}/par`);
  expect(authorizationServer.dpop_signing_alg_values_supported).toContain("ES256");

  // Step 1, pushed: the request goes to the server directly; the browser carries only its reference.
  const oauthClient: oauth.Client = { client_id: client.id };
  const DPoP = oauth.DPoP(oauthClient, await oauth.generateKeyPair("ES256"));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pushed = await oauth.processPushedAuthorizationResponse(
    authorizationServer,
    oauthClient,
    await oauth.pushedAuthorizationRequest(
      authorizationServer,
      oauthClient,
      oauth.None(),
      {
        response_type: "code",
        redirect_uri: client.redirectUri,
        scope: "photos:read",
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        resource: resourceServer.resource,
      },
      { DPoP, ...insecureLocalhost },
    ),
  );
  expect(pushed.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:/);

  const authorizationUrl = new URL(authorizationServer.authorization_endpoint!);
  authorizationUrl.search = new URLSearchParams({ client_id: client.id, request_uri: pushed.request_uri }).toString();
  await page.goto(authorizationUrl.href);
  await signInAs(page, "alice", "wonderland");
  // The consent screen names the one resource server the tokens will be for.
  await expect(page.getByText(/only: no other service will accept/)).toContainText(`PhotoCloud API (${resourceServer.resource})`);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);
  const callbackParameters = oauth.validateAuthResponse(authorizationServer, oauthClient, callbacks[0]!, state);

  // Steps 4 and 5, with a DPoP proof: the token is bound to the key, and for the API alone.
  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    oauthClient,
    await oauth.authorizationCodeGrantRequest(authorizationServer, oauthClient, oauth.None(), callbackParameters, client.redirectUri, codeVerifier, {
      DPoP,
      additionalParameters: { resource: resourceServer.resource },
      ...insecureLocalhost,
    }),
  );
  expect(tokens.token_type).toBe("dpop");
  const claims = JSON.parse(Buffer.from(tokens.access_token.split(".")[1]!, "base64url").toString()) as { aud: string; cnf?: { jkt?: string } };
  expect(claims.aud).toBe(resourceServer.resource);
  expect(claims.cnf?.jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Steps 6 and 7, with the key and the API's nonce.
  const answer = await callApi(tokens.access_token, photos, DPoP);
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { photos: unknown[] }).photos.length).toBeGreaterThan(0);

  // A refresh with the same key; the new access token is bound to it too.
  const refreshed = await oauth.processRefreshTokenResponse(
    authorizationServer,
    oauthClient,
    await oauth.refreshTokenGrantRequest(authorizationServer, oauthClient, oauth.None(), tokens.refresh_token!, { DPoP, ...insecureLocalhost }),
  );
  expect(refreshed.token_type).toBe("dpop");
  expect((await callApi(refreshed.access_token, photos, DPoP)).status).toBe(200);

  // The bound refresh token, with another key, is refused: stolen, it is useless (RFC 9449 §5).
  const otherKey = oauth.DPoP(oauthClient, await oauth.generateKeyPair("ES256"));
  const stolen = await oauth.refreshTokenGrantRequest(authorizationServer, oauthClient, oauth.None(), refreshed.refresh_token!, {
    DPoP: otherKey,
    ...insecureLocalhost,
  });
  expect(stolen.status).toBe(400);
  expect(((await stolen.json()) as { error: string }).error).toMatch(/^invalid_(grant|dpop_proof)$/);
});
