/**
 * The error codes OAuth 2 puts on the wire, with what each one means. Servers answer with these
 * exact strings in the `error` parameter; clients switch on them.
 */

/**
 * Errors of the authorization endpoint, sent back to the client's redirect URI. RFC 9101 §7 adds
 * `invalid_request_uri`, for a `request_uri` that names no valid request (RFC 9126 §4: unknown,
 * expired or already used).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc9101#section-7
 */
export const authorizationErrorCodes = [
  "invalid_request",
  "unauthorized_client",
  "access_denied",
  "unsupported_response_type",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  /** @see https://www.rfc-editor.org/rfc/rfc8707#section-2 */
  "invalid_target",
  /** @see https://www.rfc-editor.org/rfc/rfc9101#section-7 */
  "invalid_request_uri",
] as const;
export type AuthorizationErrorCode = (typeof authorizationErrorCodes)[number];

/**
 * The errors of DPoP, at the token endpoint (in its JSON body) and at a resource server (in a
 * `WWW-Authenticate: DPoP` challenge): a proof that fails a check of RFC 9449 §4.3, and a proof
 * without the nonce the server asks for (§8, §9).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-12.2
 */
export const dpopErrorCodes = ["invalid_dpop_proof", "use_dpop_nonce"] as const;
export type DpopErrorCode = (typeof dpopErrorCodes)[number];

/**
 * Errors of the token endpoint, in a JSON body. `server_error` and `temporarily_unavailable` are
 * not in the list of RFC 6749 §5.2; they are the registered codes of §4.1.2.1 a server uses when
 * it fails unexpectedly (500), or cannot answer for a moment (503, with `Retry-After`). Neither
 * says anything about the grant: a client tries again later, and keeps its tokens. The two codes
 * of DPoP (RFC 9449 §5, §8) are registered for the token endpoint too.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-12.2
 */
export const tokenErrorCodes = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  /** @see https://www.rfc-editor.org/rfc/rfc8707#section-2 */
  "invalid_target",
  ...dpopErrorCodes,
] as const;
export type TokenErrorCode = (typeof tokenErrorCodes)[number];

/**
 * Errors of a resource server, in the `WWW-Authenticate: Bearer` header.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export const bearerErrorCodes = ["invalid_request", "invalid_token", "insufficient_scope"] as const;
export type BearerErrorCode = (typeof bearerErrorCodes)[number];

/**
 * Errors of a resource server in a `WWW-Authenticate: DPoP` challenge: those of RFC 6750, and
 * those of DPoP.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export type DpopSchemeErrorCode = BearerErrorCode | DpopErrorCode;

export type OAuthErrorCode = AuthorizationErrorCode | TokenErrorCode | BearerErrorCode;

/** What each code means, in the words of the RFC that defines it, shortened. */
export const errorCodeMeanings: Record<OAuthErrorCode, string> = {
  invalid_request:
    "The request is missing a required parameter, includes an invalid value, repeats a parameter, or is otherwise malformed.",
  unauthorized_client: "The client is not authorized to use this grant type or to request a code this way.",
  access_denied: "The resource owner or the authorization server denied the request.",
  unsupported_response_type: "The authorization server does not support obtaining a code with this response type.",
  invalid_scope: "The requested scope is invalid, unknown, malformed, or exceeds what was granted.",
  server_error: "The server met an unexpected condition that prevented it from fulfilling the request.",
  temporarily_unavailable: "The server is temporarily overloaded or under maintenance.",
  invalid_request_uri: "The request_uri names no valid authorization request: it is unknown, expired, already used, or another client's.",
  invalid_client: "Client authentication failed: unknown client, no authentication included, or an unsupported method.",
  invalid_grant:
    "The authorization code or refresh token is invalid, expired, revoked, does not match the redirect URI, or was issued to another client.",
  unsupported_grant_type: "The authorization server does not support this grant type.",
  invalid_token: "The access token is expired, revoked, malformed, or invalid for other reasons.",
  insufficient_scope: "The request requires more privileges than the access token provides.",
  invalid_dpop_proof: "The DPoP proof is missing a claim, malformed, expired, replayed, or not for this request or key.",
  use_dpop_nonce: "The server wants a nonce in the DPoP proof: retry with the one in the DPoP-Nonce header.",
  invalid_target: "The requested resource is invalid, missing, unknown, or malformed.",
};

function isOneOf<T extends string>(codes: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (codes as readonly string[]).includes(value);
}

export function isAuthorizationErrorCode(value: unknown): value is AuthorizationErrorCode {
  return isOneOf(authorizationErrorCodes, value);
}

export function isTokenErrorCode(value: unknown): value is TokenErrorCode {
  return isOneOf(tokenErrorCodes, value);
}

export function isBearerErrorCode(value: unknown): value is BearerErrorCode {
  return isOneOf(bearerErrorCodes, value);
}

/**
 * `error_description` may hold only `%x20-21 / %x23-5B / %x5D-7E`: printable ASCII without the
 * double quote and the backslash.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function isValidErrorDescription(value: string): boolean {
  return /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/.test(value);
}
