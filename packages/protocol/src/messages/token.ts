import type { TokenErrorCode } from "../error-codes.ts";

/**
 * Step 4 with an authorization code.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export interface AuthorizationCodeTokenRequest {
  grant_type: "authorization_code";
  code: string;
  /** Required when it was in the authorization request, and then identical to it. */
  redirect_uri?: string;
  /** Sent by public clients, which do not authenticate. */
  client_id?: string;
  code_verifier: string;
  /** The resource server the access token is for (RFC 8707 §2): one the grant covers. */
  resource?: string;
}

/**
 * A refresh: a new access token, and a new refresh token, for an old refresh token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export interface RefreshTokenRequest {
  grant_type: "refresh_token";
  refresh_token: string;
  /** Equal to or narrower than the scope originally granted. */
  scope?: string;
  client_id?: string;
  /** The resource server the access token is for (RFC 8707 §2): one the grant covers. */
  resource?: string;
}

/**
 * A confidential client asking for a token on its own behalf, with no user.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export interface ClientCredentialsTokenRequest {
  grant_type: "client_credentials";
  scope?: string;
  /** The resource server the access token is for (RFC 8707 §2). */
  resource?: string;
}

export type TokenRequest = AuthorizationCodeTokenRequest | RefreshTokenRequest | ClientCredentialsTokenRequest;
export type GrantType = TokenRequest["grant_type"];

/**
 * Step 5: the successful token response, a JSON object sent with `Cache-Control: no-store`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export interface TokenResponse {
  access_token: string;
  /** `DPoP` for an access token bound to the key the request proved (RFC 9449 §5.1). */
  token_type: "Bearer" | "DPoP";
  expires_in?: number;
  refresh_token?: string;
  /** Present when the granted scope differs from the requested one; this server always sends it. */
  scope?: string;
}

/**
 * The token endpoint's error response: HTTP 400, or 401 for `invalid_client` after an
 * `Authorization` header was tried.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface TokenErrorResponse {
  error: TokenErrorCode;
  error_description?: string;
  error_uri?: string;
}
