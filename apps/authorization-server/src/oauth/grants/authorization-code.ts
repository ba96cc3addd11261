import "server-only";
import { isCodeVerifier, parseScope, verifyCodeChallenge, type TokenResponse } from "@seven-steps/protocol";
import { sql } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import {
  consumeAuthorizationCode,
  findAuthorizationCode,
  findGrantIdOfCode,
  linkCodeToGrant,
  type StoredAuthorizationCode,
} from "@/storage/authorization-codes";
import type { RegisteredClient } from "@/storage/clients";
import { createGrant, revokeGrant } from "@/storage/grants";
import { InvalidGrant, InvalidRequest } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";
import { issueRefreshToken } from "../tokens/refresh-token.ts";

const replayDescription =
  "The authorization code was already used. Every token issued from it has been revoked; start the sign-in again.";

/**
 * A code used a second time means it leaked: deny the request and revoke every token issued
 * from the first use.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.5
 */
async function refuseReplay(code: StoredAuthorizationCode): Promise<never> {
  const grantId = await findGrantIdOfCode(code.id);
  if (grantId) await revokeGrant(grantId, "authorization code replayed");
  throw new InvalidGrant(replayDescription);
}

/**
 * `redirect_uri` must be sent again, identical, when the authorization request included it; when
 * it did not, a `redirect_uri` sent now must still be the one the code went to.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
function checkRedirectUriMatches(parameters: RequestParameters, code: StoredAuthorizationCode): void {
  const redirectUri = parameters.get("redirect_uri");
  if (redirectUri === undefined && code.redirectUriInRequest) {
    throw new InvalidRequest("The redirect_uri parameter is required: the authorization request included it.");
  }
  if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
    throw new InvalidGrant("The redirect_uri differs from the one in the authorization request.");
  }
}

/**
 * The PKCE check: the `code_verifier` must hash to the `code_challenge` of the authorization
 * request, compared in constant time.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
async function checkCodeVerifier(parameters: RequestParameters, code: StoredAuthorizationCode): Promise<void> {
  const codeVerifier = parameters.require("code_verifier", ": this server requires PKCE");
  if (!isCodeVerifier(codeVerifier)) {
    throw new InvalidRequest("The code_verifier must be 43 to 128 characters from A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
  }
  if (!(await verifyCodeChallenge(codeVerifier, code.codeChallenge))) {
    throw new InvalidGrant("The code_verifier does not match the code_challenge of the authorization request.");
  }
}

/**
 * Steps 4 and 5 with an authorization code: checks the code against the client, its lifetime,
 * the redirect URI and the PKCE verifier, then consumes it and issues tokens in one transaction,
 * so a code is never consumed without its tokens being stored.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.4
 */
export async function exchangeAuthorizationCode(
  parameters: RequestParameters,
  client: RegisteredClient,
  now = new Date(),
): Promise<TokenResponse> {
  const presented = parameters.require("code");
  const code = await findAuthorizationCode(hashSecret(presented));
  if (!code || code.clientId !== client.id) {
    throw new InvalidGrant("The authorization code is not valid for this client.");
  }
  if (code.consumedAt) return refuseReplay(code);
  if (code.expiresAt <= now) {
    throw new InvalidGrant("The authorization code has expired (codes live 60 seconds); start the sign-in again.");
  }
  checkRedirectUriMatches(parameters, code);
  await checkCodeVerifier(parameters, code);

  const scopes = parseScope(code.scope);
  const tokenRequest = { subject: code.userId, clientId: client.id, scopes, authTime: code.authTime };
  // Signed before the transaction, which stays short: it holds the database's write lock.
  const accessToken = await signAccessToken(tokenRequest, now);
  const issuesRefreshToken = client.allowedGrantTypes.includes("refresh_token");
  const outcome = await sql.transaction((writer) => {
    if (!consumeAuthorizationCode(code.id, now, writer)) return "replayed" as const;
    const grant = createGrant({ clientId: client.id, userId: code.userId, scope: code.scope, authTime: code.authTime }, writer, now);
    linkCodeToGrant(code.id, grant.id, writer);
    recordAccessToken({ ...tokenRequest, grantId: grant.id }, accessToken, now, writer);
    const refreshToken = issuesRefreshToken ? issueRefreshToken(grant, scopes, now, writer) : undefined;
    return { accessToken, refreshToken };
  });
  if (outcome === "replayed") return refuseReplay(code);

  return {
    access_token: outcome.accessToken.token,
    token_type: "Bearer",
    expires_in: outcome.accessToken.expiresIn,
    ...(outcome.refreshToken ? { refresh_token: outcome.refreshToken } : {}),
    scope: code.scope,
  };
}
