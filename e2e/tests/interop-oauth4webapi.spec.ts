// Interop: oauth4webapi, a strict OAuth 2 client library nobody on this project wrote, runs the
// whole sequence against the running authorization server: discovery, an authorization code with
// PKCE (state and iss validated), the token request, and a refresh.
import * as oauth from "oauth4webapi";
import { apps } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

// The demo runs on http://localhost; the library insists on https unless told otherwise.
const insecureLocalhost = { [oauth.allowInsecureRequests]: true };

test("oauth4webapi completes discovery, code with PKCE, token and refresh", async ({ page, testClient, callbacks }) => {
  const issuer = new URL(apps.authorizationServer.url);
  const authorizationServer = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecureLocalhost }),
  );
  expect(authorizationServer.code_challenge_methods_supported).toEqual(["S256"]);
  expect(authorizationServer.authorization_response_iss_parameter_supported).toBe(true);

  const client: oauth.Client = { client_id: testClient.id };
  const clientAuthentication = oauth.ClientSecretBasic(testClient.secret);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorizationUrl = new URL(authorizationServer.authorization_endpoint!);
  authorizationUrl.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: testClient.redirectUri,
    response_type: "code",
    scope: "profile photos:read",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  }).toString();

  await page.goto(authorizationUrl.toString());
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => callbacks.length).toBe(1);

  // Checks state, and iss against the discovered issuer (RFC 9207).
  const callbackParameters = oauth.validateAuthResponse(authorizationServer, client, callbacks[0]!, state);

  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    client,
    await oauth.authorizationCodeGrantRequest(
      authorizationServer,
      client,
      clientAuthentication,
      callbackParameters,
      testClient.redirectUri,
      codeVerifier,
      insecureLocalhost,
    ),
  );
  expect(tokens.token_type).toBe("bearer");
  expect(tokens.scope).toBe("profile photos:read");
  expect(tokens.refresh_token).toBeTruthy();

  const refreshed = await oauth.processRefreshTokenResponse(
    authorizationServer,
    client,
    await oauth.refreshTokenGrantRequest(
      authorizationServer,
      client,
      clientAuthentication,
      tokens.refresh_token!,
      insecureLocalhost,
    ),
  );
  expect(refreshed.access_token).not.toBe(tokens.access_token);
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
});

test("oauth4webapi refuses a callback whose iss is not the issuer's (RFC 9207 mix-up defence)", async () => {
  const issuer = new URL(apps.authorizationServer.url);
  const authorizationServer = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecureLocalhost }),
  );
  const forged = new URLSearchParams({ code: "x", state: "s", iss: "https://attacker.example" });
  expect(() => oauth.validateAuthResponse(authorizationServer, { client_id: "printshop" }, forged, "s")).toThrow();
});
