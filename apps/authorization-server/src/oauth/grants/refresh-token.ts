import "server-only";
import {
  DefenceSwitchedOff,
  defineCheck,
  formatScope,
  missingScopes,
  parseScope,
  rfcSection,
  type Check,
  type CheckTrail,
  type TokenResponse,
} from "@seven-steps/protocol";
import { sql } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import type { RegisteredClient } from "@/storage/clients";
import { revokeGrant, touchGrant } from "@/storage/grants";
import { findRefreshToken, rotateRefreshToken, type StoredRefreshToken } from "@/storage/refresh-tokens";
import { InvalidGrant, InvalidScope } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { parseRequestedScope } from "../requested-scope.ts";
import { checkResourceOfGrant } from "../resource-indicators.ts";
import { isWeakened } from "../weakened-defences.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";
import { issueRefreshToken } from "../tokens/refresh-token.ts";

const source = "apps/authorization-server/src/oauth/grants/refresh-token.ts";

/**
 * The refresh token was issued to the client that authenticated, its grant still stands, and it
 * has not expired.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export const checkRefreshTokenOfClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the refresh token was issued to the client that authenticated, and its grant was not revoked",
    why: "A refresh token is bound to its client; a revoked grant, from Connected apps or after a replay, ends it.",
    see: rfcSection(6749, "6"),
    source,
  },
  async (parameters: RequestParameters, client: RegisteredClient): Promise<StoredRefreshToken> => {
    const token = await findRefreshToken(hashSecret(parameters.require("refresh_token")));
    if (!token || token.clientId !== client.id) throw new InvalidGrant("The refresh token is not valid for this client.");
    if (token.grant.revokedAt) throw new InvalidGrant("The grant of this refresh token was revoked; sign in again.");
    return token;
  },
);

/** A refresh token is used once; its successor replaces it in the same transaction. */
export const refreshTokenUsedOnce: Check = {
  checkedBy: "authorization-server",
  rule: "the refresh token has not been used before: it rotates on every use, and a reuse revokes the grant",
  why: "A stolen refresh token is detected the moment either its thief or its owner uses it a second time.",
  see: rfcSection(9700, "4.14.2"),
  source,
};

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-6 */
export const checkRefreshTokenNotExpired = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the refresh token has not expired",
    why: "A grant nobody uses ends on its own.",
    see: rfcSection(6749, "6"),
    source,
  },
  (token: StoredRefreshToken, now: Date): void => {
    if (token.expiresAt <= now) throw new InvalidGrant("The refresh token has expired; sign in again.");
  },
);

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
export const checkRefreshScope = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the scope asked for is within the scope the user granted",
    why: "A refresh can narrow what the client reaches, never widen it.",
    see: rfcSection(6749, "6"),
    source,
  },
  (parameters: RequestParameters, granted: string[], client: RegisteredClient): string[] => {
    const value = parameters.get("scope");
    if (value === undefined) return granted;
    const requested = parseRequestedScope(value);
    const wider = missingScopes(requested, granted);
    if (wider.length > 0) {
      // The attack lab's switch (attack 13, scope escalation): a wider scope goes through.
      if (isWeakened("refresh-scope-narrowing", client)) {
        throw new DefenceSwitchedOff(`The refresh added ${wider.join(" ")}, and the attack lab's refresh-scope-narrowing switch let it through.`, requested);
      }
      throw new InvalidScope(`A refresh cannot add scopes that were not granted: ${wider.join(" ")}.`);
    }
    return requested;
  },
);

/**
 * A refresh token bound to a DPoP key (a public client's, RFC 9449 §5) is refreshed only with a
 * proof of that key. Refused as `invalid_grant`: the refresh token is bound, as it is bound to its
 * client, and the proof itself may be valid.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export const checkRefreshTokenDpopBinding = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a refresh token bound to a DPoP key (a public client's) comes with a proof of that key",
    why: "A public client has no secret: its key is all that keeps a stolen refresh token useless.",
    see: rfcSection(9449, "5"),
    source,
  },
  (token: StoredRefreshToken, dpopJkt: string | undefined): void => {
    if (token.grant.dpopJkt === null) return;
    if (dpopJkt === undefined) throw new InvalidGrant("This refresh token is bound to a DPoP key: send a DPoP proof of that key.");
    if (dpopJkt !== token.grant.dpopJkt) throw new InvalidGrant("The DPoP proof is signed with another key than the one the refresh token is bound to.");
  },
);

/**
 * A refresh: exchanges a refresh token for a new access token and a new refresh token. The old
 * refresh token is rotated out in the same transaction that stores the new one. The new access
 * token is bound to the DPoP key the request proved, if any: for a public client, the grant's key;
 * for a confidential one, whichever key it proves now. Each check records itself in `trail`, for
 * the inspector.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
export async function refreshAccessToken(
  parameters: RequestParameters,
  client: RegisteredClient,
  trail: CheckTrail,
  dpopJkt: string | undefined,
  now = new Date(),
): Promise<TokenResponse> {
  const token = await checkRefreshTokenOfClient(trail, parameters, client);
  // Before reuse detection: whoever cannot prove the key cannot revoke the grant by replaying it.
  if (token.grant.dpopJkt !== null) checkRefreshTokenDpopBinding(trail, token, dpopJkt);
  if (token.rotatedAt) {
    // The attack lab's switch (attack 6, a stolen refresh token): a retired refresh token goes on, and rotates again.
    if (!isWeakened("refresh-token-reuse-detection", client)) return trail.run(refreshTokenUsedOnce, () => refuseReuse(token));
    trail.switchedOff(refreshTokenUsedOnce, "The refresh token was rotated before, and the attack lab's refresh-token-reuse-detection switch let it be used again.");
  }
  checkRefreshTokenNotExpired(trail, token, now);

  const granted = parseScope(token.scope);
  const scopes = checkRefreshScope(trail, parameters, granted, client);
  const resource = await checkResourceOfGrant(trail, parameters, token.grant.resource);
  const tokenRequest = {
    subject: token.grant.userId,
    clientId: client.id,
    scopes,
    audience: resource,
    authTime: token.grant.authTime,
    grantId: token.grantId,
    dpopJkt,
  };
  const accessToken = await signAccessToken(tokenRequest, now);

  const refreshToken = await sql.transaction(async (statements) => {
    if (!(await rotateRefreshToken(token, now, statements))) return undefined;
    await recordAccessToken(tokenRequest, accessToken, now, statements);
    await touchGrant(token.grantId, now, statements);
    // RFC 6749 §6: the new refresh token has exactly the scope of the one it replaces.
    return issueRefreshToken({ id: token.grantId, clientId: client.id }, granted, now, statements);
  });
  if (refreshToken === undefined) {
    return trail.run(refreshTokenUsedOnce, async () => {
      const current = await findRefreshToken(token.tokenHash);
      if (current?.grant.revokedAt) throw new InvalidGrant("The grant of this refresh token was revoked; sign in again.");
      return refuseReuse(token);
    });
  }
  // A rotated token that got here was let through by the lab's switch, and is recorded so already.
  if (!token.rotatedAt) trail.passed(refreshTokenUsedOnce);

  return {
    access_token: accessToken.token,
    token_type: accessToken.tokenType,
    expires_in: accessToken.expiresIn,
    refresh_token: refreshToken,
    scope: formatScope(scopes),
  };
}
