/**
 * The claims of a JWT access token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export interface AccessTokenClaims {
  /** The authorization server that issued the token. */
  iss: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** The resource server(s) the token is meant for. */
  aud: string | string[];
  /** The user, or the client itself for `client_credentials`. */
  sub: string;
  client_id: string;
  /** Issued at, in seconds since the epoch. */
  iat: number;
  /** A unique identifier of this token. */
  jti: string;
  /** The granted scopes, space-separated. */
  scope?: string;
  auth_time?: number;
  /**
   * The confirmation of a DPoP-bound token: the JWK SHA-256 thumbprint of the client's key. Only
   * a request with a proof of that key may use the token.
   *
   * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.1
   */
  cnf?: { jkt: string };
}

/** The `typ` header value of RFC 9068 §2.1 (short for the media type `application/at+jwt`). */
export const accessTokenType = "at+jwt";

/** What each member of an access token's header means, in one line, for the inspector and the lab. */
export const accessTokenHeaderMeanings: Record<string, string> = {
  typ: "at+jwt: this JWT is an access token, and cannot be mistaken for another kind of JWT.",
  alg: "How it is signed: ES256, an elliptic-curve signature.",
  kid: "Which of the server's public keys (at its jwks_uri) checks the signature.",
};

/** What each claim of an access token means, in one line, for the inspector and the lab. */
export const accessTokenClaimMeanings: Record<string, string> = {
  iss: "Who issued the token: the authorization server's issuer identifier.",
  sub: "Whom the token is about: the user, by an identifier that never changes.",
  aud: "Who may accept the token: this resource server's identifier, and no other.",
  exp: "When the token stops working, in seconds since 1970.",
  iat: "When the token was issued.",
  nbf: "Before this time the token is not valid yet.",
  jti: "A unique identifier of this one token.",
  client_id: "The client the token was issued to.",
  scope: "What the token allows, as granted by the user.",
  auth_time: "When the user last entered their password.",
  cnf: "DPoP: the thumbprint (jkt) of the client's key; the token works only with a proof signed by that key.",
};
