import type { AuthorizationRequest } from "../messages/authorization.ts";

/**
 * Step 1: the URL a client sends the user's browser to. The parameters go in the query, encoded as
 * `application/x-www-form-urlencoded`; a query the endpoint already has is kept, and parameters
 * left undefined are not sent at all.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function buildAuthorizationUrl(authorizationEndpoint: string, request: AuthorizationRequest): URL {
  const url = new URL(authorizationEndpoint);
  // RFC 6749 §3.1: the endpoint's own query component "MUST be retained when adding additional
  // query parameters", and no parameter may appear twice, so each one replaces any namesake.
  for (const [name, value] of Object.entries(request)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}
