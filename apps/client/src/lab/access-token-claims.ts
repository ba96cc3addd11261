import { decodeUnverifiedJwt, type DecodedJwt } from "@seven-steps/protocol";

/**
 * The header and claims of a JWT access token, decoded but NOT verified; null when it is not a
 * JWT. A real client treats its access token as opaque and must not read it (RFC 9068 §6): the
 * format is an agreement between the authorization server and the resource server. The lab opens
 * it only to show what the PhotoCloud API will check in step 7.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-6
 */
export function decodeAccessToken(accessToken: string): DecodedJwt | null {
  return decodeUnverifiedJwt(accessToken);
}

/** What each header member and claim means: one catalogue, shared with the inspector. */
export { accessTokenClaimMeanings, accessTokenHeaderMeanings } from "@seven-steps/protocol";

/** The claims that hold a time, in seconds since 1970 (RFC 7519 §2, NumericDate). */
export const timeClaims: ReadonlySet<string> = new Set(["exp", "iat", "nbf", "auth_time"]);
