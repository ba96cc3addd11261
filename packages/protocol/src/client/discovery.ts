import type { AuthorizationServerMetadata } from "../messages/metadata.ts";
import { metadataUrl } from "../resource-server/issuer-keys.ts";

/** Raised when an authorization server's metadata is missing, unreachable or not its own. */
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
}

/**
 * Fetches an authorization server's metadata and checks that it describes the expected issuer:
 * a client must not trust metadata that names another one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 */
export async function discoverAuthorizationServer(
  issuer: string,
  fetchImplementation: typeof fetch = fetch,
): Promise<AuthorizationServerMetadata> {
  let metadata: Partial<AuthorizationServerMetadata>;
  try {
    const response = await fetchImplementation(metadataUrl(issuer), {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as Partial<AuthorizationServerMetadata>;
  } catch (error) {
    throw new DiscoveryError(`The authorization server ${issuer} could not be reached.`, { cause: error });
  }
  if (metadata.issuer !== issuer) {
    throw new DiscoveryError(`The metadata of ${issuer} names another issuer, ${String(metadata.issuer)}.`);
  }
  if (typeof metadata.token_endpoint !== "string" || typeof metadata.authorization_endpoint !== "string") {
    throw new DiscoveryError(`The metadata of ${issuer} lacks its endpoints.`);
  }
  return metadata as AuthorizationServerMetadata;
}
