import { parseScope } from "@seven-steps/protocol";
import { db } from "@/db";

export type TokenEndpointAuthMethod = "client_secret_basic" | "client_secret_post" | "none";

/** A registered client, as the protocol code sees it. */
export interface RegisteredClient {
  id: string;
  name: string;
  /** SHA-256 of the secret; null for a public client. */
  secretHash: string | null;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  allowedScopes: string[];
  allowedGrantTypes: string[];
  redirectUris: string[];
  /** A resource server's credentials, allowed at the introspection endpoint (RFC 7662 §2.1). */
  canIntrospect: boolean;
}

export function isPublicClient(client: RegisteredClient): boolean {
  return client.tokenEndpointAuthMethod === "none";
}

export async function findClient(clientId: string): Promise<RegisteredClient | null> {
  const row = await db.client.findUnique({ where: { id: clientId }, include: { redirectUris: true } });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    secretHash: row.secretHash,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod as TokenEndpointAuthMethod,
    allowedScopes: parseScope(row.allowedScopes),
    allowedGrantTypes: row.allowedGrantTypes.split(" ").filter(Boolean),
    redirectUris: row.redirectUris.map((redirectUri) => redirectUri.uri),
    canIntrospect: row.canIntrospect,
  };
}
