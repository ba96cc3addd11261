import "server-only";
import { formatScope, parseScope, type TokenEndpointAuthMethod } from "@seven-steps/protocol";
import { isWeakenableDefenceId, type WeakenableDefenceId } from "@seven-steps/story";
import { db, type DatabaseClient } from "@/db";

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
  /** Registered by the client itself (RFC 7591), not by an operator: nobody has reviewed it. */
  selfRegistered: boolean;
  /** Every token request of this client must carry a DPoP proof (RFC 9449 §5.2). */
  dpopBoundAccessTokens: boolean;
  /** Sends its authorization requests only by reference, pushed first (RFC 9126 §6). */
  requirePushedAuthorizationRequests: boolean;
  /**
   * The attack lab's defences switched off for this client, honoured only while weakening is on
   * (../oauth/weakened-defences.ts). Empty for every client but the seed's weak demo client.
   */
  weakenedDefences: WeakenableDefenceId[];
}

/**
 * How long an instance of this server keeps a client it has read. Every token and authorization
 * request looks its client up, and a client never changes once registered (nothing here updates
 * one, and the one deletion, a workshop room's reset, forgets its clients here at once with
 * {@link forgetCachedClients}), so reading it again each time would only cost time: about half a
 * millisecond, for Prisma compiles every query. A client registered on one instance is found at
 * once by every other, since unknown ids are not cached. A change made on another instance, or in
 * the database by hand (a client deleted, a secret or a redirect URI replaced), reaches each
 * instance within this time: until then, an instance that read the client before may still accept
 * its old secret or redirect URI.
 */
const cacheMilliseconds = 10_000;
const cacheLimit = 1_000;
const cache = new Map<string, { client: RegisteredClient; loadedAt: number }>();

/** The registered client with this id, or null. Unknown ids are not cached: a new client is found at once. */
export async function findClient(clientId: string): Promise<RegisteredClient | null> {
  const cached = cache.get(clientId);
  if (cached && Date.now() - cached.loadedAt < cacheMilliseconds) return cached.client;
  const client = await readClient(clientId);
  cache.delete(clientId);
  if (client) {
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
    cache.set(clientId, { client, loadedAt: Date.now() });
  }
  return client;
}

async function readClient(clientId: string): Promise<RegisteredClient | null> {
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
    selfRegistered: row.selfRegistered,
    dpopBoundAccessTokens: row.dpopBoundAccessTokens,
    requirePushedAuthorizationRequests: row.requirePushedAuthorizationRequests,
    weakenedDefences: row.weakenedDefences.split(" ").filter(isWeakenableDefenceId),
  };
}

/**
 * A client to store: everything of a {@link RegisteredClient} but what only an operator gives,
 * the right to introspect and the attack lab's weakened defences (only the seed sets those).
 */
export type NewClient = Omit<RegisteredClient, "canIntrospect" | "weakenedDefences">;

/**
 * Stores a newly registered client and its redirect URIs, in one transaction: either all of it is
 * stored, or nothing. Returns when it was registered. A registered client is never allowed to
 * introspect tokens: that right is for resource servers, given by an operator. Runs on the
 * database, or on a transaction that stores more with it (a workshop attendee's account).
 */
export async function createClient(client: NewClient, database: DatabaseClient = db): Promise<Date> {
  // One nested write: Prisma stores the client and its redirect URIs together or not at all.
  const row = await database.client.create({
    data: {
      id: client.id,
      name: client.name,
      secretHash: client.secretHash,
      tokenEndpointAuthMethod: client.tokenEndpointAuthMethod,
      allowedScopes: formatScope(client.allowedScopes),
      allowedGrantTypes: client.allowedGrantTypes.join(" "),
      canIntrospect: false,
      selfRegistered: client.selfRegistered,
      dpopBoundAccessTokens: client.dpopBoundAccessTokens,
      requirePushedAuthorizationRequests: client.requirePushedAuthorizationRequests,
      redirectUris: { create: client.redirectUris.map((uri) => ({ uri })) },
    },
  });
  return row.createdAt;
}

/**
 * Forgets the clients this instance has read, after they were deleted (a workshop room's reset),
 * so that it refuses them at once. Other instances refuse them within the cache's ten seconds.
 */
export function forgetCachedClients(clientIds: string[]): void {
  for (const clientId of clientIds) cache.delete(clientId);
}
