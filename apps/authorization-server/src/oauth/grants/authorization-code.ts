import "server-only";
import {
  defineCheck,
  DefenceSwitchedOff,
  isCodeVerifier,
  parseScope,
  rfcSection,
  verifyCodeChallenge,
  type Check,
  type CheckTrail,
  type TokenResponse,
} from "@seven-steps/protocol";
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
import { checkResourceOfGrant } from "../resource-indicators.ts";
import { isWeakened } from "../weakened-defences.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";
import { issueRefreshToken } from "../tokens/refresh-token.ts";

const source = "apps/authorization-server/src/oauth/grants/authorization-code.ts";

const replayDescription =
  "The authorization code was already used. Every token issued from it has been revoked; start the sign-in again.";

/**
 * The code was issued to the client that authenticated, and exists at all.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export const checkCodeIssuedToClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the code was issued by this server to the client that authenticated (looked up by its hash)",
    why: "Only the client the code was issued to may redeem it.",
    see: rfcSection(6749, "4.1.3"),
    source,
  },
  async (parameters: RequestParameters, client: RegisteredClient): Promise<StoredAuthorizationCode> => {
    const code = await findAuthorizationCode(hashSecret(parameters.require("code")));
    if (!code || code.clientId !== client.id) throw new InvalidGrant("The authorization code is not valid for this client.");
    return code;
  },
);

/**
 * A code is used once: checked before anything else is, and again by the atomic update that
 * consumes it, for two requests racing with the same code.
 */
export const codeUsedOnce: Check = {
  checkedBy: "authorization-server",
  rule: "the code is used once, consumed atomically; a second use revokes what the first one issued",
  why: "A code used twice has leaked.",
  see: rfcSection(6749, "4.1.2"),
  source,
};

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
export const checkRedirectUriMatches = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the redirect_uri is the one the code was sent to",
    why: "A code caught on its way to another address cannot be redeemed by pretending it went to the right one.",
    see: rfcSection(6749, "4.1.3"),
    source,
  },
  (parameters: RequestParameters, code: StoredAuthorizationCode): void => {
    const redirectUri = parameters.get("redirect_uri");
    if (redirectUri === undefined && code.redirectUriInRequest) {
      throw new InvalidRequest("The redirect_uri parameter is required: the authorization request included it.");
    }
    if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
      throw new InvalidGrant("The redirect_uri differs from the one in the authorization request.");
    }
  },
);

/**
 * Codes live 60 seconds: long enough for the redirect and the token request, too short to be
 * worth stealing.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export const checkCodeNotExpired = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the code has not expired (codes live 60 seconds)",
    why: "A code found later in a log or a history is already useless.",
    see: rfcSection(6749, "4.1.2"),
    source,
  },
  (code: StoredAuthorizationCode, now: Date): void => {
    if (code.expiresAt <= now) {
      throw new InvalidGrant("The authorization code has expired (codes live 60 seconds); start the sign-in again.");
    }
  },
);

/**
 * The PKCE check: the `code_verifier` must hash to the `code_challenge` of the authorization
 * request, compared in constant time.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export const checkCodeVerifier = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the code_verifier hashes to the code_challenge of step 1",
    why: "Proof that the client redeeming the code is the one that started the flow: a stolen code is useless without it.",
    see: rfcSection(7636, "4.6"),
    source,
  },
  async (parameters: RequestParameters, code: StoredAuthorizationCode, client: RegisteredClient): Promise<void> => {
    // The attack lab's switch (attack 1, a stolen code): a request without a verifier goes through.
    if (parameters.get("code_verifier") === undefined && isWeakened("pkce-verifier", client)) {
      throw new DefenceSwitchedOff("No code_verifier, and the attack lab's pkce-verifier switch let the code through.");
    }
    const codeVerifier = parameters.require("code_verifier", ": this server requires PKCE");
    if (!isCodeVerifier(codeVerifier)) {
      throw new InvalidRequest("The code_verifier must be 43 to 128 characters from A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
    }
    if (!(await verifyCodeChallenge(codeVerifier, code.codeChallenge))) {
      throw new InvalidGrant("The code_verifier does not match the code_challenge of the authorization request.");
    }
  },
);

/**
 * A code whose authorization request named a DPoP key (`dpop_jkt`) is redeemed only with a proof
 * of that key. Refused as `invalid_grant`: the code is bound, like a code issued to another
 * client, and the proof itself may be valid.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-10
 */
export const checkCodeDpopBinding = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a code bound to a DPoP key at the authorization request (dpop_jkt) is redeemed with a proof of that key",
    why: "A code stolen on its way back to the client is useless without the client's private key.",
    see: rfcSection(9449, "10"),
    source,
  },
  (code: StoredAuthorizationCode, dpopJkt: string | undefined): void => {
    if (code.dpopJkt === null) return;
    if (dpopJkt === undefined) throw new InvalidGrant("This authorization code is bound to a DPoP key: send a DPoP proof of that key.");
    if (dpopJkt !== code.dpopJkt) throw new InvalidGrant("The DPoP proof is signed with another key than the one the authorization code is bound to.");
  },
);

/**
 * Refresh tokens of a public client are bound to the DPoP key of the request that began the grant
 * (RFC 9449 §5): the thumbprint is kept on the grant, and every refresh must prove that key. A
 * confidential client's refresh tokens are bound to the client by its authentication already.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
function refreshTokenKeyOf(client: RegisteredClient, dpopJkt: string | undefined): string | null {
  return client.tokenEndpointAuthMethod === "none" && dpopJkt !== undefined ? dpopJkt : null;
}

/**
 * Steps 4 and 5 with an authorization code: checks the code against the client, its lifetime,
 * the redirect URI, the PKCE verifier and its DPoP key, then consumes it and issues tokens in one
 * transaction, with the access token bound to the key the request proved, if any,
 * so a code is never consumed without its tokens being stored. Each check records itself in
 * `trail`, for the inspector.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.4
 */
export async function exchangeAuthorizationCode(
  parameters: RequestParameters,
  client: RegisteredClient,
  trail: CheckTrail,
  dpopJkt: string | undefined,
  now = new Date(),
): Promise<TokenResponse> {
  const code = await checkCodeIssuedToClient(trail, parameters, client);
  if (code.consumedAt) {
    // The attack lab's switch (attack 5, code replay): a used code goes on, and is consumed again.
    if (!isWeakened("code-single-use", client)) return trail.run(codeUsedOnce, () => refuseReplay(code));
    trail.switchedOff(codeUsedOnce, "The code was used before, and the attack lab's code-single-use switch let it be used again.");
  }
  checkCodeNotExpired(trail, code, now);
  checkRedirectUriMatches(trail, parameters, code);
  await checkCodeVerifier(trail, parameters, code, client);
  const resource = await checkResourceOfGrant(trail, parameters, code.resource);
  if (code.dpopJkt !== null) checkCodeDpopBinding(trail, code, dpopJkt);

  const scopes = parseScope(code.scope);
  const tokenRequest = { subject: code.userId, clientId: client.id, scopes, audience: resource, authTime: code.authTime, dpopJkt };
  // Signed before the transaction, which stays short: it holds the locks it takes.
  const accessToken = await signAccessToken(tokenRequest, now);
  const issuesRefreshToken = client.allowedGrantTypes.includes("refresh_token");
  const outcome = await sql.transaction(async (statements) => {
    if (!(await consumeAuthorizationCode(code, now, statements))) return "replayed" as const;
    const grantData = {
      clientId: client.id,
      userId: code.userId,
      scope: code.scope,
      resource,
      authTime: code.authTime,
      dpopJkt: refreshTokenKeyOf(client, dpopJkt),
    };
    const grant = await createGrant(grantData, statements, now);
    await linkCodeToGrant(code.id, grant.id, statements);
    await recordAccessToken({ ...tokenRequest, grantId: grant.id }, accessToken, now, statements);
    const refreshToken = issuesRefreshToken ? await issueRefreshToken(grant, scopes, now, statements) : undefined;
    return { accessToken, refreshToken };
  });
  if (outcome === "replayed") return trail.run(codeUsedOnce, () => refuseReplay(code));
  // A used code that got here was let through by the lab's switch, and is recorded so already.
  if (!code.consumedAt) trail.passed(codeUsedOnce);

  return {
    access_token: outcome.accessToken.token,
    token_type: outcome.accessToken.tokenType,
    expires_in: outcome.accessToken.expiresIn,
    ...(outcome.refreshToken ? { refresh_token: outcome.refreshToken } : {}),
    scope: code.scope,
  };
}
