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
  return wellKnownUrl(issuer, authorizationServerMetadataPath);
}

/**
 * The well-known path of protected resource metadata.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3
 */
export const protectedResourceMetadataPath = "/.well-known/oauth-protected-resource";

/**
 * Where a resource server's metadata is: {@link protectedResourceMetadataPath} inserted between
 * the host and any path of the resource identifier, the same way as for an issuer. A query of the
 * identifier is kept after it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export function protectedResourceMetadataUrl(resource: string): URL {
  return wellKnownUrl(resource, protectedResourceMetadataPath);
}

function wellKnownUrl(identifier: string, wellKnownPath: string): URL {
  const url = new URL(identifier);
  const path = url.pathname === "/" ? "" : url.pathname;
  const wellKnown = new URL(`${wellKnownPath}${path}`, url.origin);
  wellKnown.search = url.search;
  return wellKnown;
}
