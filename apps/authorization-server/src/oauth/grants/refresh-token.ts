import "server-only";
import { formatScope, missingScopes, parseScope, type TokenResponse } from "@seven-steps/protocol";
import { sql } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import type { RegisteredClient } from "@/storage/clients";
import { revokeGrant, touchGrant } from "@/storage/grants";
import { findRefreshToken, rotateRefreshToken, type StoredRefreshToken } from "@/storage/refresh-tokens";
import { InvalidGrant, InvalidScope } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { parseRequestedScope } from "../requested-scope.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";
import { issueRefreshToken } from "../tokens/refresh-token.ts";

/**
 * A refresh token presented after it was rotated has been copied: either the client or an
 * attacker holds a stale one, and the server cannot tell which. Revoke the whole grant.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
async function refuseReuse(token: StoredRefreshToken): Promise<never> {
  await revokeGrant(token.grantId, "refresh token reused");
  throw new InvalidGrant(
    "This refresh token was already used. The grant has been revoked to protect the user; sign in again.",
  );
}

/**
 * The requested scope may narrow the original one, never widen it; when omitted, it is the
 * original scope.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
function checkRefreshScope(parameters: RequestParameters, granted: string[]): string[] {
  const value = parameters.get("scope");
  if (value === undefined) return granted;
  const requested = parseRequestedScope(value);
  const wider = missingScopes(requested, granted);
  if (wider.length > 0) {
    throw new InvalidScope(`A refresh cannot add scopes that were not granted: ${wider.join(" ")}.`);
  }
  return requested;
}

/**
 * A refresh: exchanges a refresh token for a new access token and a new refresh token. The old
 * refresh token is rotated out in the same transaction that stores the new one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
export async function refreshAccessToken(
  parameters: RequestParameters,
  client: RegisteredClient,
  now = new Date(),
): Promise<TokenResponse> {
  const presented = parameters.require("refresh_token");
  const token = await findRefreshToken(hashSecret(presented));
  if (!token || token.clientId !== client.id) {
    throw new InvalidGrant("The refresh token is not valid for this client.");
  }
  if (token.grant.revokedAt) throw new InvalidGrant("The grant of this refresh token was revoked; sign in again.");
  if (token.rotatedAt) return refuseReuse(token);
  if (token.expiresAt <= now) throw new InvalidGrant("The refresh token has expired; sign in again.");

  const granted = parseScope(token.scope);
  const scopes = checkRefreshScope(parameters, granted);
  const tokenRequest = {
    subject: token.grant.userId,
    clientId: client.id,
    scopes,
    authTime: token.grant.authTime,
    grantId: token.grantId,
  };
  const accessToken = await signAccessToken(tokenRequest, now);

  const refreshToken = await sql.transaction((writer) => {
    if (!rotateRefreshToken(token.id, now, writer)) return undefined;
    recordAccessToken(tokenRequest, accessToken, now, writer);
    touchGrant(token.grantId, now, writer);
    // RFC 6749 §6: the new refresh token has exactly the scope of the one it replaces.
    return issueRefreshToken({ id: token.grantId, clientId: client.id }, granted, now, writer);
  });
  if (refreshToken === undefined) {
    const current = await findRefreshToken(token.tokenHash);
    if (current?.grant.revokedAt) throw new InvalidGrant("The grant of this refresh token was revoked; sign in again.");
    return refuseReuse(token);
  }

  return {
    access_token: accessToken.token,
    token_type: "Bearer",
    expires_in: accessToken.expiresIn,
    refresh_token: refreshToken,
    scope: formatScope(scopes),
  };
}
