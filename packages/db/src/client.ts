import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";

/**
 * How long a query waits for another process's write lock before giving up. The three apps share
 * one SQLite file; with WAL mode (set by `npm run db:setup`) readers never wait for writers, and
 * writers queue for up to this long instead of failing with "database is locked".
 */
const busyTimeoutMilliseconds = 5_000;

const globalForDatabases = globalThis as { sevenStepsDatabases?: Map<string, PrismaClient> };
const clients = (globalForDatabases.sevenStepsDatabases ??= new Map());

function createPrismaClient(url: string): PrismaClient {
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
