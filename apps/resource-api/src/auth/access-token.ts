import { issuerKeys, readBearerToken, verifyAccessToken, type AccessTokenClaims } from "@seven-steps/protocol";
import { env } from "@/env";

/** The authorization server's keys, found through its metadata and cached (RFC 8414, RFC 9068 §4). */
const keys = issuerKeys(env.AUTHORIZATION_SERVER_ISSUER, {
  cooldownMilliseconds: env.JWKS_REFETCH_COOLDOWN_SECONDS * 1000,
});

/** A request with no Bearer credentials at all: refused with the realm only (RFC 6750 §3.1). */
export class NoCredentials extends Error {
  override readonly name = "NoCredentials";
}

/**
 * Steps 6 and 7, on this side: the access token of the request, validated locally and strictly,
 * with the scopes this route needs. Its `sub` decides whose data the request may touch.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export async function authenticate(request: Request, requiredScopes: readonly string[]): Promise<AccessTokenClaims> {
  const token = await readBearerToken(request);
  if (token === null) throw new NoCredentials("This request needs an access token in an Authorization: Bearer header.");
  return verifyAccessToken(token, {
    issuer: env.AUTHORIZATION_SERVER_ISSUER,
    audience: env.RESOURCE_API_URL,
    keys,
    requiredScopes,
  });
}
