import type { TokenEndpointAuthMethod } from "@seven-steps/protocol";

/**
 * Whether a client that authenticates with `authMethod` may use the client credentials grant.
 * Only a confidential client may: with no user in the exchange, its secret is all that proves who
 * is asking, and a public client (`none`) has no secret. Registration refuses the combination
 * (registration/checks.ts), and the token endpoint refuses it again (grants/client-credentials.ts)
 * for a client stored some other way.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export function mayUseClientCredentials(authMethod: TokenEndpointAuthMethod): boolean {
  return authMethod !== "none";
}
