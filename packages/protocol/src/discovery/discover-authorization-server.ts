import type { AuthorizationServerMetadata } from "../messages/metadata.ts";
import { metadataUrl } from "./metadata-url.ts";

/**
 * What went wrong with an authorization server's metadata:
 * - `unreachable`: no answer, an error status, or no JSON;
 * - `issuer_mismatch`: the metadata names another issuer (`cause` holds the name it gives);
 * - `missing_endpoint`: an endpoint the caller needs is not in it.
 */
export type DiscoveryErrorCode = "unreachable" | "issuer_mismatch" | "missing_endpoint";

/** Raised when an authorization server's metadata is missing, unreachable or not its own. */
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";

  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The members of the metadata that hold the URL of an endpoint. */
export type MetadataEndpoint =
  | "authorization_endpoint"
  | "token_endpoint"
  | "jwks_uri"
  | "registration_endpoint"
  | "revocation_endpoint"
  | "introspection_endpoint";

export interface DiscoveryOptions {
  /** The endpoints the caller needs; by default those of a client: authorization and token. */
  requiredEndpoints?: readonly MetadataEndpoint[];
  /** For tests: the fetch to use. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Fetches an authorization server's metadata and checks that it describes the expected issuer:
 * neither a client nor a resource server may trust metadata that names another one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 */
export async function discoverAuthorizationServer(issuer: string, options: DiscoveryOptions = {}): Promise<AuthorizationServerMetadata> {
  const requiredEndpoints = options.requiredEndpoints ?? ["authorization_endpoint", "token_endpoint"];
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  let metadata: Partial<AuthorizationServerMetadata>;
  try {
    const response = await fetchImplementation(metadataUrl(issuer), {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as Partial<AuthorizationServerMetadata>;
  } catch (error) {
    throw new DiscoveryError("unreachable", `The authorization server ${issuer} could not be reached.`, { cause: error });
  }
  if (metadata.issuer !== issuer) {
    throw new DiscoveryError("issuer_mismatch", `The metadata of ${issuer} names another issuer, ${String(metadata.issuer)}.`, {
      cause: metadata.issuer,
    });
  }
  const missing = requiredEndpoints.filter((endpoint) => typeof metadata[endpoint] !== "string");
  if (missing.length > 0) {
    throw new DiscoveryError("missing_endpoint", `The metadata of ${issuer} lacks its endpoints.`, { cause: missing });
  }
  return metadata as AuthorizationServerMetadata;
}
