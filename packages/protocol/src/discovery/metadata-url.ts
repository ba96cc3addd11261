/**
 * The well-known path of authorization server metadata.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export const authorizationServerMetadataPath = "/.well-known/oauth-authorization-server";

/**
 * Where an issuer's metadata is: {@link authorizationServerMetadataPath} inserted between the host
 * and any path of the issuer identifier, so the issuer `https://as.example/tenant` has it at that
 * path followed by `/tenant`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 */
export function metadataUrl(issuer: string): URL {
  const url = new URL(issuer);
  const path = url.pathname === "/" ? "" : url.pathname;
  return new URL(`${authorizationServerMetadataPath}${path}`, url.origin);
}
