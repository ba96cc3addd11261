/**
 * Protected resource metadata: what a resource server says about itself, so that a client that
 * knows only its URL can find the authorization server to ask for a token (step 0).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-2
 */
export interface ProtectedResourceMetadata {
  /** The resource identifier: the `resource` a client names (RFC 8707) and the tokens' `aud`. */
  resource: string;
  /** Issuer identifiers of the authorization servers whose tokens this resource accepts. */
  authorization_servers?: string[];
  jwks_uri?: string;
  scopes_supported?: string[];
  /** How a token may be sent: `header`, `body` or `query` (RFC 6750 §2). */
  bearer_methods_supported?: string[];
  resource_signing_alg_values_supported?: string[];
  /** A human-readable name, for a consent screen or a log. */
  resource_name?: string;
  resource_documentation?: string;
  resource_policy_uri?: string;
  resource_tos_uri?: string;
  tls_client_certificate_bound_access_tokens?: boolean;
  /** The JWS algorithms this resource accepts for DPoP proofs (RFC 9449 §5.1). */
  dpop_signing_alg_values_supported?: string[];
  /** True when every token must be DPoP-bound. */
  dpop_bound_access_tokens_required?: boolean;
}
