/**
 * Authorization server metadata, served where `metadataUrl` says (../discovery/metadata-url.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  registration_endpoint?: string;
  scopes_supported?: string[];
  response_types_supported: string[];
  response_modes_supported?: string[];
  grant_types_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  token_endpoint_auth_signing_alg_values_supported?: string[];
  service_documentation?: string;
  ui_locales_supported?: string[];
  op_policy_uri?: string;
  op_tos_uri?: string;
  revocation_endpoint?: string;
  revocation_endpoint_auth_methods_supported?: string[];
  introspection_endpoint?: string;
  introspection_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
  /** @see https://www.rfc-editor.org/rfc/rfc9207#section-3 */
  authorization_response_iss_parameter_supported?: boolean;
  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-5.1 */
  dpop_signing_alg_values_supported?: string[];
  /** @see https://www.rfc-editor.org/rfc/rfc9126#section-5 */
  pushed_authorization_request_endpoint?: string;
  /** Whether every client must push its authorization requests (RFC 9126 §5). */
  require_pushed_authorization_requests?: boolean;
}
