import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { CheckTrail, defineCheck, rfcSection } from "../checks/check.ts";
import type { AccessTokenClaims } from "../messages/access-token.ts";
import { accessTokenType } from "../messages/access-token.ts";
import { parseScope, ScopeSyntaxError } from "../scope.ts";
import { checkAudience, type IsWeakened } from "./audience.ts";
import { isDpopConfirmation } from "./dpop-confirmation.ts";
import { InvalidToken, SigningKeysUnavailable } from "./errors.ts";
import { checkRequiredScopes } from "./required-scope.ts";
import type { VerifiedTokens } from "./verified-tokens.ts";

export interface VerifyAccessTokenOptions {
  /** The only issuer whose tokens are accepted. */
  issuer: string;
  /** This resource server's identifier, which the token's `aud` must contain. */
  audience: string;
  /** The issuer's signing keys; see {@link issuerKeys}. */
  keys: JWTVerifyGetKey;
  /**
   * Scopes the request needs, all of which the token must carry. Left out, no scope is checked
   * here: the caller checks them later (after DPoP's binding, in the resource API).
   */
  requiredScopes?: readonly string[];
  /** Leeway for `exp`, `nbf` and `iat`, for clocks that disagree a little. */
  clockToleranceSeconds?: number;
  /** Tokens verified recently, whose signature need not be checked again; see {@link VerifiedTokens}. */
  verified?: VerifiedTokens;
  /** Where the checks record themselves, for the inspector. */
  trail?: CheckTrail;
  /** For tests: the current time. */
  now?: Date;
  /** For the attack lab only: whether the audience check is switched off for this request. */
  isWeakened?: IsWeakened;
}

/** Claims every access token of RFC 9068 §2.2 carries. */
const requiredClaims = ["iss", "sub", "aud", "exp", "iat", "jti", "client_id"];

/** What went wrong with a token, in words a developer can act on. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The access token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf" && error.reason === "check_failed") return "The access token is not valid yet.";
    if (error.claim === "iss") return "The access token was issued by another authorization server.";
    if (error.claim === "typ") return "This is not an access token: its typ header must be at+jwt.";
    return `The access token's ${error.claim} claim is missing or invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The access token must be signed with ES256.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The access token's signature does not verify.";
  if (error instanceof errors.JWKSNoMatchingKey) return "The access token is signed with a key this server does not know.";
  return "The access token is malformed.";
}

/**
 * Steps 1 to 4 below but the audience, in one call to jose: the token is a JWT access token of
 * this issuer, signed with one of the issuer's keys, and valid now. Its audience is checked next,
 * on its own and at every request ({@link checkAudience}).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export const checkAccessTokenJwt = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the token's signature (by kid, from the published JWKS, ES256 only), typ at+jwt, iss, exp and nbf",
    why: "A token from another issuer, forged, or expired is refused with RFC 6750's invalid_token.",
    see: rfcSection(9068, "4"),
    source: "packages/protocol/src/resource-server/verify-access-token.ts",
  },
  async (token: string, options: VerifyAccessTokenOptions, now: number): Promise<JWTPayload> => {
    const clockTolerance = options.clockToleranceSeconds ?? 5;
    const remembered = options.verified?.claimsOf(token, now);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ["ES256"],
        typ: accessTokenType,
        issuer: options.issuer,
        clockTolerance,
        requiredClaims,
        currentDate: new Date(now),
      }));
    } catch (error) {
      if (error instanceof SigningKeysUnavailable) throw error;
      throw new InvalidToken(describe(error), { cause: error });
    }
    if (typeof payload.client_id !== "string" || (payload.scope !== undefined && typeof payload.scope !== "string")) {
      throw new InvalidToken("The access token's client_id or scope claim is malformed.");
    }
    if (payload.cnf !== undefined && !isDpopConfirmation(payload.cnf)) {
      throw new InvalidToken("The access token's cnf claim is malformed.");
    }
    try {
      parseScope(payload.scope ?? "");
    } catch (error) {
      if (error instanceof ScopeSyntaxError) throw new InvalidToken("The access token's scope claim is malformed.", { cause: error });
      throw error;
    }
    options.verified?.remember(token, payload, now, clockTolerance);
    return payload;
  },
);

/**
 * Validates a JWT access token the way RFC 9068 §4 asks a resource server to, with no call to the
 * authorization server beyond fetching its keys:
 *
 * 1. the header's `typ` is `at+jwt` and `alg` is ES256, nothing else (so `none` and HS256 forged
 *    with the public key are refused);
 * 2. the signature verifies with one of the issuer's keys, chosen by `kid`;
 * 3. `iss` is the expected issuer, and `aud` contains this resource server;
 * 4. `exp` and `nbf` hold, within a small leeway;
 * 5. every required scope is in `scope`, when `requiredScopes` is given.
 *
 * With `verified`, the signature and the header are not checked again for a token that passed
 * them recently and is still unexpired; its audience and scopes are checked every time.
 *
 * Throws {@link InvalidToken} or {@link InsufficientScope}, which carry the RFC 6750 error code,
 * or {@link SigningKeysUnavailable} when the keys cannot be fetched.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export async function verifyAccessToken(token: string, options: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
  const trail = options.trail ?? new CheckTrail();
  const payload = await checkAccessTokenJwt(trail, token, options, options.now?.getTime() ?? Date.now());
  checkAudience(trail, payload.aud, options.audience, options.isWeakened);
  // The claim's type and syntax were checked with the signature.
  if (options.requiredScopes) checkRequiredScopes(trail, parseScope((payload.scope as string | undefined) ?? ""), options.requiredScopes);
  return payload as unknown as AccessTokenClaims;
}
