import type { ExerciseValues } from "./exercise-values.ts";

/** What the attendee replaces with the secret they were shown once when they joined: it is never shown again. */
export const secretPlaceholder = "PASTE YOUR CLIENT SECRET HERE";

/** The file name the exercise tells the attendee to save the script as: `.mjs`, an ES module wherever it is. */
export const clientScriptFileName = "client.mjs";

/**
 * Exercise 3 (and 4 and 5): the attendee's own client, an ES module of about 30 lines on
 * oauth4webapi, a client library nobody on this project wrote. It discovers the issuer (RFC 8414),
 * listens on the redirect URI's port, prints the authorization URL (PKCE S256 and state, RFC 7636),
 * receives the callback (state and `iss` checked, RFC 9207), redeems the code with
 * client_secret_basic (RFC 6749 §4.1.3), calls the API with the access token (RFC 6750), and
 * refreshes it when a refresh token came back (RFC 6749 §6).
 *
 * Every value is written as a JSON string, so that nothing in it can become code.
 */
export function clientScript(values: Pick<ExerciseValues, "issuer" | "api" | "clientId" | "redirectUri" | "scope">): string {
  const text = JSON.stringify;
  // oauth4webapi refuses plain http unless told otherwise; a workshop room often has no TLS.
  const plainHttp = [values.issuer, values.api].some((url) => url.startsWith("http:"));
  return `// Exercise 3 of the PhotoCloud workshop: your own OAuth client, the code flow with PKCE.
// In an empty folder: npm install oauth4webapi, save this as ${clientScriptFileName}, then: node ${clientScriptFileName}
import * as oauth from "oauth4webapi";
import { createServer } from "node:http";

const issuer = new URL(${text(values.issuer)});
const api = ${text(values.api)};
const redirectUri = ${text(values.redirectUri)};
const client = { client_id: ${text(values.clientId)} };
const clientSecret = ${text(secretPlaceholder)};
if (clientSecret === ${text(secretPlaceholder)}) throw new Error("Paste the client secret you were shown when you joined.");
const clientAuth = oauth.ClientSecretBasic(clientSecret);
${plainHttp ? "const options = { [oauth.allowInsecureRequests]: true }; // the room's server speaks plain http" : "const options = {};"}

const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: "oauth2" }));
const codeVerifier = oauth.generateRandomCodeVerifier();
const state = oauth.generateRandomState();
const authorizationUrl = new URL(as.authorization_endpoint);
authorizationUrl.search = new URLSearchParams({
  response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, scope: ${text(values.scope)}, state,
  code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: "S256",
}).toString();
console.log("Open this in your browser:\\n" + authorizationUrl.href);

const server = createServer(async (request, response) => {
  const callback = new URL(request.url, redirectUri);
  if (callback.pathname !== new URL(redirectUri).pathname) return void response.writeHead(404).end();
  response.end("Back to your terminal!");
  server.close();
  try {
    const parameters = oauth.validateAuthResponse(as, client, callback, state);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client,
      await oauth.authorizationCodeGrantRequest(as, client, clientAuth, parameters, redirectUri, codeVerifier, options));
    console.log("Access token, for the scope:", tokens.scope);
    const photos = await oauth.protectedResourceRequest(tokens.access_token, "GET", new URL(api + "/photos"), undefined, undefined, options);
    if (!photos.ok) throw new Error("The API answered " + photos.status);
    console.log("Your photos:", (await photos.json()).photos.map((photo) => photo.title));
    if (tokens.refresh_token) {
      const refreshed = await oauth.processRefreshTokenResponse(as, client,
        await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, options));
      console.log("Refreshed: a new access token, valid for", refreshed.expires_in, "seconds");
    }
  } catch (error) {
    const answer = error.error ? error : ((await error.response?.json().catch(() => null)) ?? {}); // the server's { error }
    console.error("Refused:", answer.error ?? error.name, "-", answer.error_description ?? error.message);
    process.exitCode = 1;
  }
}).listen(Number(new URL(redirectUri).port || 80));
`;
}
