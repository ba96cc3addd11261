import "server-only";
import { formatScope, parseScope } from "@seven-steps/protocol";
import { allPhotoScopes } from "@seven-steps/story";
import { db, sql } from "@/db";
import { env } from "@/env";

/** A resource server this authorization server issues access tokens for (RFC 8707). */
export interface RegisteredResourceServer {
  /** Its resource indicator: the `resource` a client names, and the `aud` of its tokens. */
  identifier: string;
  name: string;
  /** The scopes it accepts. */
  scopes: string[];
}

/**
 * How long an instance keeps a resource server it has read; like clients (storage/clients.ts),
 * they are read on every authorization and token request and change only by an operator's hand.
 */
const cacheMilliseconds = 10_000;
const cache = new Map<string, { resourceServer: RegisteredResourceServer; loadedAt: number }>();

function fromRow(row: { identifier: string; name: string; scopes: string }): RegisteredResourceServer {
  return { identifier: row.identifier, name: row.name, scopes: parseScope(row.scopes) };
}

/** The registered resource server with this identifier, or null. Unknown identifiers are not cached. */
export async function findResourceServer(identifier: string): Promise<RegisteredResourceServer | null> {
  const cached = cache.get(identifier);
  if (cached && Date.now() - cached.loadedAt < cacheMilliseconds) return cached.resourceServer;
  const row = await db.resourceServer.findUnique({ where: { identifier } });
  cache.delete(identifier);
  if (!row) return null;
  const resourceServer = fromRow(row);
  if (cache.size >= 100) cache.delete(cache.keys().next().value!);
  cache.set(identifier, { resourceServer, loadedAt: Date.now() });
  return resourceServer;
}

let registeredDefault: Promise<RegisteredResourceServer> | undefined;

/**
 * The resource server a request without `resource` gets its tokens for: the PhotoCloud API, at
 * the RESOURCE_API_URL this server is configured with, so that clients written before resource
 * indicators keep working. The first use in each process registers it (idempotently, so every
 * instance may do it) and makes it the one default; the scopes an operator has set on its row
 * are kept. A failure is tried again on the next use.
 */
export function defaultResourceServer(): Promise<RegisteredResourceServer> {
  registeredDefault ??= registerDefault().catch((error: unknown) => {
    registeredDefault = undefined;
    throw error;
  });
  return registeredDefault;
}

async function registerDefault(): Promise<RegisteredResourceServer> {
  const identifier = env.RESOURCE_API_URL;
  const row = await sql.transaction(async (statements) => {
    // At most one row is the default (a unique column): another one stops being it first.
    await statements.run(`UPDATE "ResourceServer" SET "isDefault" = NULL WHERE "isDefault" = ? AND "identifier" <> ?`, true, identifier);
    await statements.run(
      `INSERT INTO "ResourceServer" ("identifier", "name", "scopes", "isDefault", "createdAt") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("identifier") DO UPDATE SET "isDefault" = ?`,
      identifier,
      "PhotoCloud API",
      formatScope([...allPhotoScopes]),
      true,
      new Date(),
      true,
    );
    return statements.one<{ identifier: string; name: string; scopes: string }>(
      `SELECT "identifier", "name", "scopes" FROM "ResourceServer" WHERE "identifier" = ?`,
      identifier,
    );
  });
  if (!row) throw new Error(`The default resource server ${identifier} could not be registered.`);
  return fromRow(row);
}
