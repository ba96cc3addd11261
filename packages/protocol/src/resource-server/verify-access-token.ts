import { errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { AccessTokenClaims } from "../messages/access-token.ts";
import { accessTokenType } from "../messages/access-token.ts";
import { missingScopes, parseScope, ScopeSyntaxError } from "../scope.ts";
import { InsufficientScope, InvalidToken, SigningKeysUnavailable } from "./errors.ts";
import type { VerifiedTokens } from "./verified-tokens.ts";

export interface VerifyAccessTokenOptions {
  /** The only issuer whose tokens are accepted. */
  issuer: string;
  /** This resource server's identifier, which the token's `aud` must contain. */
  audience: string;
  /** The issuer's signing keys; see {@link issuerKeys}. */
  keys: JWTVerifyGetKey;
  /** Scopes the request needs, all of which the token must carry. */
  requiredScopes?: readonly string[];
  /** Leeway for `exp`, `nbf` and `iat`, for clocks that disagree a little. */
  clockToleranceSeconds?: number;
  /** Tokens verified recently, whose signature need not be checked again; see {@link VerifiedTokens}. */
  verified?: VerifiedTokens;
  /** For tests: the current time. */
  now?: Date;
}

/** Claims every access token of RFC 9068 §2.2 carries. */
const requiredClaims = ["iss", "sub", "aud", "exp", "iat", "jti", "client_id"];

/** What went wrong with a token, in words a developer can act on. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The access token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf" && error.reason === "check_failed") return "The access token is not valid yet.";
    if (error.claim === "iss") return "The access token was issued by another authorization server.";
    if (error.claim === "aud") return "The access token is meant for another resource server.";
    if (error.claim === "typ") return "This is not an access token: its typ header must be at+jwt.";
    return `The access token's ${error.claim} claim is missing or invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The access token must be signed with ES256.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The access token's signature does not verify.";
  if (error instanceof errors.JWKSNoMatchingKey) return "The access token is signed with a key this server does not know.";
  return "The access token is malformed.";
}

/**
 * Validates a JWT access token the way RFC 9068 §4 asks a resource server to, with no call to the
 * authorization server beyond fetching its keys:
 *
 * 1. the header's `typ` is `at+jwt` and `alg` is ES256, nothing else (so `none` and HS256 forged
 *    with the public key are refused);
 * 2. the signature verifies with one of the issuer's keys, chosen by `kid`;
 * 3. `iss` is the expected issuer, and `aud` contains this resource server;
 * 4. `exp` and `nbf` hold, within a small leeway;
 * 5. every required scope is in `scope`.
 *
 * With `verified`, steps 1 to 3 are skipped for a token that passed them recently and is still
 * unexpired; the claims and scopes are checked every time.
 *
 * Throws {@link InvalidToken} or {@link InsufficientScope}, which carry the RFC 6750 error code,
 * or {@link SigningKeysUnavailable} when the keys cannot be fetched.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export async function verifyAccessToken(token: string, options: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
  const now = options.now?.getTime() ?? Date.now();
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  let payload = options.verified?.claimsOf(token, now);
  if (!payload) {
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ["ES256"],
        typ: accessTokenType,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance,
        requiredClaims,
        currentDate: new Date(now),
      }));
    } catch (error) {
      if (error instanceof SigningKeysUnavailable) throw error;
      throw new InvalidToken(describe(error), { cause: error });
    }
    options.verified?.remember(token, payload, now, clockTolerance);
  }

  if (typeof payload.client_id !== "string" || (payload.scope !== undefined && typeof payload.scope !== "string")) {
    throw new InvalidToken("The access token's client_id or scope claim is malformed.");
  }
  let granted: string[];
  try {
    granted = parseScope(payload.scope ?? "");
  } catch (error) {
    if (error instanceof ScopeSyntaxError) throw new InvalidToken("The access token's scope claim is malformed.", { cause: error });
    throw error;
  }
  const required = options.requiredScopes ?? [];
  if (missingScopes(required, granted).length > 0) throw new InsufficientScope(required);
  return payload as unknown as AccessTokenClaims;
}
