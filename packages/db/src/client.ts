import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider } from "./database-url.ts";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient } from "./generated/sqlite/client.ts";
import { postgresPool } from "./postgresql/pool.ts";

/**
 * How long a query waits for another process's write lock before giving up. The three apps share
 * one SQLite file; with WAL mode (set by `npm run db:setup`) readers never wait for writers, and
 * writers queue for up to this long instead of failing with "database is locked".
 */
const busyTimeoutMilliseconds = 5_000;

const globalForDatabases = globalThis as { sevenStepsDatabases?: Map<string, PrismaClient> };
const clients = (globalForDatabases.sevenStepsDatabases ??= new Map());

/**
 * The models are the same on both providers (prisma/models), and so is the generated client's
 * interface, which the apps are written against. Prisma generates one client per provider,
 * since each compiles its queries for one database; the apps see both through the type of the
 * SQLite one.
 */
function createPrismaClient(url: string): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg(postgresPool(url), { disposeExternalPool: false });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // Only migrations create the database: an app pointed at a missing file fails instead of
  // quietly creating an empty one.
  const adapter = new PrismaBetterSQLite3({ url, timeout: busyTimeoutMilliseconds, fileMustExist: true });
  return new PrismaClient({ adapter });
}

/**
 * The Prisma client for a database URL, created once per process and kept on `globalThis` so that
 * Next.js hot reloading in development does not open a new connection on every edit.
 */
export function getDatabase(url: string): PrismaClient {
  let client = clients.get(url);
  if (!client) {
    client = createPrismaClient(url);
    clients.set(url, client);
  }
  return client;
}

export type Database = PrismaClient;
