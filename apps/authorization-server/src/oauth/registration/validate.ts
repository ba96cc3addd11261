import type { CheckTrail } from "@seven-steps/protocol";
import type { ClientMetadata, ClientMetadataRequest } from "./client-metadata.ts";
import {
  checkAuthMethod,
  checkClientName,
  checkDpopBoundAccessTokens,
  checkGrantTypes,
  checkRedirectUris,
  checkRequirePushedAuthorizationRequests,
  checkResponseTypes,
  checkScope,
} from "./checks.ts";

/**
 * Checks the metadata of a registration request and fills in the defaults, in this order, each
 * check free to rely on the ones before it:
 *
 * 1. `client_name`;
 * 2. `token_endpoint_auth_method`: confidential or public;
 * 3. `grant_types`, which depend on whether the client has a secret;
 * 4. `response_types`, which must agree with the grant types;
 * 5. `redirect_uris`, required when the grant types include `authorization_code`;
 * 6. `scope`;
 * 7. `dpop_bound_access_tokens` (RFC 9449 §5.2);
 * 8. `require_pushed_authorization_requests` (RFC 9126 §6).
 *
 * The first rule broken is the error. Members this server does not understand are ignored
 * (RFC 7591 §2): they are never read. Each check records itself in `trail`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 */
export function validateClientMetadata(metadata: ClientMetadataRequest, trail: CheckTrail): ClientMetadata {
  const client_name = checkClientName(trail, metadata);
  const token_endpoint_auth_method = checkAuthMethod(trail, metadata);
  const grant_types = checkGrantTypes(trail, metadata, token_endpoint_auth_method);
  const response_types = checkResponseTypes(trail, metadata, grant_types);
  const redirect_uris = checkRedirectUris(trail, metadata, grant_types);
  const scope = checkScope(trail, metadata);
  const dpop_bound_access_tokens = checkDpopBoundAccessTokens(trail, metadata);
  const require_pushed_authorization_requests = checkRequirePushedAuthorizationRequests(trail, metadata);
  return {
    client_name,
    redirect_uris,
    grant_types,
    response_types,
    token_endpoint_auth_method,
    scope,
    dpop_bound_access_tokens,
    require_pushed_authorization_requests,
  };
}
