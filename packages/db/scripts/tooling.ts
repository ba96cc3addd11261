// Shared by the Prisma CLI configuration, the seed and the database scripts: which database to
// work on.
import path from "node:path";
import { databaseProvider, type DatabaseProvider, defaultDatabaseUrl } from "../src/database-url.ts";

/** `DATABASE_URL` when it is set, otherwise the demo database. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}

/** Where Mallory's app runs (the attack lab): `ATTACKER_URL` when it is set, otherwise the demo's. */
export function attackerUrl(): string {
  return process.env.ATTACKER_URL || "http://localhost:3003";
}

/** The provider the Prisma CLI works with: PRISMA_PROVIDER if set, else DATABASE_URL's. */
export function cliProvider(): DatabaseProvider {
  const forced = process.env.PRISMA_PROVIDER;
  if (forced === "sqlite" || forced === "postgresql") return forced;
  return databaseProvider(databaseUrl());
}

/** The file behind a SQLite `file:` URL, resolved against the current folder. */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${url}".`);
  return path.resolve(url.slice("file:".length));
}
