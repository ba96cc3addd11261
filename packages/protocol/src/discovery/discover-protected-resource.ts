import type { ProtectedResourceMetadata } from "../messages/protected-resource-metadata.ts";
import { DiscoveryError } from "./discover-authorization-server.ts";

export interface ProtectedResourceDiscoveryOptions {
  /** For tests: the fetch to use. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Step 0: fetches a resource server's metadata, from the URL of a `resource_metadata` challenge
 * parameter or from {@link protectedResourceMetadataUrl}, and checks that it describes the
 * resource the client meant to call. Metadata naming another resource must not be used: it could
 * send the client, and its token, to an attacker's authorization server.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-7.3
 */
export async function discoverProtectedResource(
  metadataLocation: string | URL,
  expectedResource: string,
  options: ProtectedResourceDiscoveryOptions = {},
): Promise<ProtectedResourceMetadata> {
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  let metadata: Partial<ProtectedResourceMetadata>;
  try {
    const response = await fetchImplementation(metadataLocation, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as Partial<ProtectedResourceMetadata>;
  } catch (error) {
    throw new DiscoveryError("unreachable", `The metadata of the resource ${expectedResource} could not be fetched.`, { cause: error });
  }
  if (typeof metadata !== "object" || metadata === null || metadata.resource !== expectedResource) {
    throw new DiscoveryError(
      "issuer_mismatch",
      `The metadata at ${String(metadataLocation)} describes another resource, ${String(metadata?.resource)}, not ${expectedResource}.`,
      { cause: metadata?.resource },
    );
  }
  const servers = metadata.authorization_servers;
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((server) => typeof server === "string")) {
    throw new DiscoveryError("missing_endpoint", `The metadata of ${expectedResource} names no authorization server.`, {
      cause: servers,
    });
  }
  return metadata as ProtectedResourceMetadata;
}
