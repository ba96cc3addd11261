import { decodeJwt, decodeProtectedHeader } from "jose";

/**
 * The header and claims of a JWT access token, decoded but NOT verified. A real client treats its
 * access token as opaque and must not read it (RFC 9068 §6): the format is an agreement between
 * the authorization server and the resource server. The lab opens it only to show what the
 * PhotoCloud API will check in step 7.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-6
 */
export function decodeAccessToken(accessToken: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  return { header: decodeProtectedHeader(accessToken), claims: decodeJwt(accessToken) };
}

/** @see https://www.rfc-editor.org/rfc/rfc9068#section-2.1 */
export const accessTokenHeaderMeanings: Record<string, string> = {
  typ: "at+jwt: this JWT is an access token, and cannot be mistaken for another kind of JWT.",
  alg: "How it is signed: ES256, an elliptic-curve signature.",
  kid: "Which of the server's public keys (at its jwks_uri) checks the signature.",
};

/** @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2 */
export const accessTokenClaimMeanings: Record<string, string> = {
  iss: "Issuer: the authorization server that made the token.",
  sub: "Subject: the user the token speaks for, by PhotoCloud's identifier.",
  aud: "Audience: the resource server that may accept it, the PhotoCloud API.",
  exp: "Expiry: after this moment the API refuses the token.",
  iat: "Issued at: when the token was made.",
  jti: "JWT ID: a unique identifier of this one token.",
  client_id: "The client the token was issued to: this lab.",
  scope: "What the token allows: the scopes the user granted.",
  auth_time: "When the user signed in at the authorization server.",
};

/** The claims that hold a time, in seconds since 1970 (RFC 7519 §2, NumericDate). */
export const timeClaims: ReadonlySet<string> = new Set(["exp", "iat", "nbf", "auth_time"]);
