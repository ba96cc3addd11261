import { CheckTrail } from "@seven-steps/protocol";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { createClient } from "@/storage/clients";
import type { ClientInformationResponse, ClientMetadataRequest } from "./client-metadata.ts";
import { validateClientMetadata } from "./validate.ts";

/** Who registers a client: the client itself (RFC 7591, the Developers page) or an operator. */
export type Registrant = "the client itself" | "an operator";

/**
 * Registers a client: checks its metadata (./validate.ts), gives it a new `client_id` and, if it
 * is confidential, a secret, stores it, and answers what RFC 7591 §3.2.1 says. The registration
 * endpoint, the Developers page and `npm run client:add` all come here, so the rules live in one
 * place. A client that registered itself is marked so: nobody has reviewed its name or where it
 * sends users, and the consent screen says that (RFC 9700 §4.11.2).
 *
 * The secret is 256 random bits and is stored only as its SHA-256 hash (RFC 6749 §10.3): this
 * answer is the one time anyone sees it. It never expires.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export async function registerClient(request: ClientMetadataRequest, registrant: Registrant): Promise<ClientInformationResponse> {
  // A registration belongs to no user's flow: the inspector never shows it, so its trail is not kept.
  const metadata = validateClientMetadata(request, new CheckTrail());
  const clientId = `client-${generateSecret(12)}`;
  const clientSecret = metadata.token_endpoint_auth_method === "none" ? undefined : generateSecret();

  const issuedAt = await createClient({
    id: clientId,
    name: metadata.client_name,
    secretHash: clientSecret === undefined ? null : hashSecret(clientSecret),
    tokenEndpointAuthMethod: metadata.token_endpoint_auth_method,
    allowedScopes: metadata.scope.split(" "),
    allowedGrantTypes: metadata.grant_types,
    redirectUris: metadata.redirect_uris,
    selfRegistered: registrant === "the client itself",
    dpopBoundAccessTokens: metadata.dpop_bound_access_tokens,
    requirePushedAuthorizationRequests: metadata.require_pushed_authorization_requests,
  });

  return {
    client_id: clientId,
    ...(clientSecret === undefined ? {} : { client_secret: clientSecret }),
    client_id_issued_at: Math.floor(issuedAt.getTime() / 1000),
    ...(clientSecret === undefined ? {} : { client_secret_expires_at: 0 }),
    ...metadata,
  };
}
