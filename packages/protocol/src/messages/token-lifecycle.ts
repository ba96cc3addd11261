/**
 * Revocation: a client tells the authorization server it no longer needs a token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export interface RevocationRequest {
  token: string;
  token_type_hint?: "access_token" | "refresh_token";
}

/**
 * Introspection: a resource server asks the authorization server about a token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export interface IntrospectionRequest {
  token: string;
  token_type_hint?: "access_token" | "refresh_token";
}

/**
 * The introspection answer: whether the token is active, and what it allows. An
 * inactive token (revoked, expired, unknown) gets `{ "active": false }` and nothing else.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
export type IntrospectionResponse =
  | { active: false }
  | {
      active: true;
      scope?: string;
      client_id?: string;
      username?: string;
      token_type?: string;
      exp?: number;
      iat?: number;
      nbf?: number;
      sub?: string;
      aud?: string | string[];
      iss?: string;
      jti?: string;
      /** The key a DPoP-bound token is bound to (RFC 9449 §6.2). */
      cnf?: { jkt: string };
    };
