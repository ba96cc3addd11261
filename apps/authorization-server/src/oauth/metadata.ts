import { codeChallengeMethods, dpopSigningAlgorithms, tokenEndpointAuthMethods, type AuthorizationServerMetadata } from "@seven-steps/protocol";
import { allPhotoScopes } from "@seven-steps/story";
import { env } from "@/env";

/**
 * What this server supports, and nothing it does not.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function authorizationServerMetadata(): AuthorizationServerMetadata {
  const issuer = env.ISSUER;
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    registration_endpoint: `${issuer}/register`,
    revocation_endpoint: `${issuer}/revoke`,
    revocation_endpoint_auth_methods_supported: [...tokenEndpointAuthMethods],
    introspection_endpoint: `${issuer}/introspect`,
    // Only resource servers may introspect, and they are confidential clients.
    introspection_endpoint_auth_methods_supported: tokenEndpointAuthMethods.filter((method) => method !== "none"),
    scopes_supported: [...allPhotoScopes],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    token_endpoint_auth_methods_supported: [...tokenEndpointAuthMethods],
    code_challenge_methods_supported: [...codeChallengeMethods],
    authorization_response_iss_parameter_supported: true,
    dpop_signing_alg_values_supported: [...dpopSigningAlgorithms],
    pushed_authorization_request_endpoint: `${issuer}/par`,
    // Pushing is a choice of each client (RFC 9126 §6), not required of all.
    require_pushed_authorization_requests: false,
    service_documentation: `${issuer}/`,
  };
}
