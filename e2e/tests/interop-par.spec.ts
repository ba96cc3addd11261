// Interop: pushed authorization requests (RFC 9126) driven by oauth4webapi, a client library
// nobody on this project wrote, with no helper of this project on the client side: discovery,
// the push, the browser sent with only client_id and request_uri, sign-in and consent, the code
// and the token. Then the same request_uri, used again, is refused on the server's own page.
import * as oauth from "oauth4webapi";
import { apps } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

// The demo runs on http://localhost; the library insists on https unless told otherwise.
const insecureLocalhost = { [oauth.allowInsecureRequests]: true };

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(apps.authorizationServer.url);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecureLocalhost }));
}

/** Pushes a fresh authorization request with PKCE; returns what the rest of the flow needs. */
async function push(authorizationServer: oauth.AuthorizationServer, client: oauth.Client, clientSecret: string, redirectUri: string) {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const response = await oauth.pushedAuthorizationRequest(
    authorizationServer,
    client,
    oauth.ClientSecretBasic(clientSecret),
    {
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "profile photos:read",
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    },
    insecureLocalhost,
  );
  const { request_uri: requestUri, expires_in: expiresIn } = await oauth.processPushedAuthorizationResponse(authorizationServer, client, response);
  // The browser carries only the client and the reference (RFC 9126 §4).
  const authorizationUrl = new URL(authorizationServer.authorization_endpoint!);
  authorizationUrl.searchParams.set("client_id", client.client_id);
  authorizationUrl.searchParams.set("request_uri", requestUri);
  return { codeVerifier, state, requestUri, expiresIn, authorizationUrl };
}

test("oauth4webapi pushes the request, the browser signs in and allows by reference, and the code is redeemed", async ({
  page,
  testClient,
  testUser,
  callbacks,
}) => {
  const authorizationServer = await discover();
  expect(authorizationServer.pushed_authorization_request_endpoint).toBe(`${apps.authorizationServer.url}/par`);
  expect(authorizationServer.require_pushed_authorization_requests).toBe(false);

  const client: oauth.Client = { client_id: testClient.id };
  const pushed = await push(authorizationServer, client, testClient.secret, testClient.redirectUri);
  expect(pushed.requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
  expect(pushed.expiresIn).toBeGreaterThan(0);
  expect(pushed.authorizationUrl.search).not.toContain("code_challenge");

  await page.goto(pushed.authorizationUrl.toString());
  await signInAs(page, testUser.username, testUser.password);
  await expect(page.getByRole("heading", { name: `${testClient.name} wants to access your PhotoCloud account` })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);

  // The state and the redirect URI are the pushed ones; iss is checked against the issuer (RFC 9207).
  const callbackParameters = oauth.validateAuthResponse(authorizationServer, client, callbacks[0]!, pushed.state);
  expect(callbacks[0]!.href.startsWith(testClient.redirectUri)).toBe(true);

  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    client,
    await oauth.authorizationCodeGrantRequest(
      authorizationServer,
      client,
      oauth.ClientSecretBasic(testClient.secret),
      callbackParameters,
      testClient.redirectUri,
      pushed.codeVerifier,
      insecureLocalhost,
    ),
  );
  expect(tokens.token_type).toBe("bearer");
  expect(tokens.scope).toBe("profile photos:read");
});

test("a request_uri already used is refused with invalid_request_uri on the server's page, and leads nowhere", async ({
  page,
  testClient,
  testUser,
  callbacks,
}) => {
  const authorizationServer = await discover();
  const client: oauth.Client = { client_id: testClient.id };
  const pushed = await push(authorizationServer, client, testClient.secret, testClient.redirectUri);

  await page.goto(pushed.authorizationUrl.toString());
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);

  await page.goto(pushed.authorizationUrl.toString());

  await expect(page.getByRole("heading", { name: "This sign-in request cannot be completed" })).toBeVisible();
  await expect(page.getByText(/invalid_request_uri/)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(apps.authorizationServer.url);
  expect(callbacks).toHaveLength(1);
});
