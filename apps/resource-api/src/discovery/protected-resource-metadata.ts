import { dpopSigningAlgorithms, protectedResourceMetadataUrl, type ProtectedResourceMetadata } from "@seven-steps/protocol";
import { allPhotoScopes } from "@seven-steps/story";
import { env } from "@/env";

/** The name a client or a consent screen may show for this API. */
export const resourceName = "PhotoCloud API";

/**
 * What the API says about itself (step 0): its identifier, which is the `resource` a client names
 * (RFC 8707) and the `aud` of its tokens; the one authorization server whose tokens it accepts;
 * its scopes; that a token comes in the Authorization header and nowhere else; and the algorithms
 * of the DPoP proofs it accepts (RFC 9449 §5.1), DPoP being welcome but not required.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-2
 */
export function protectedResourceMetadata(): ProtectedResourceMetadata {
  return {
    resource: env.RESOURCE_API_URL,
    authorization_servers: [env.AUTHORIZATION_SERVER_ISSUER],
    scopes_supported: [...allPhotoScopes],
    bearer_methods_supported: ["header"],
    dpop_signing_alg_values_supported: [...dpopSigningAlgorithms],
    resource_name: resourceName,
  };
}

/** Where the metadata is served, named in the `resource_metadata` of every challenge (RFC 9728 §5.1). */
export const resourceMetadataUrl = protectedResourceMetadataUrl(env.RESOURCE_API_URL).href;
