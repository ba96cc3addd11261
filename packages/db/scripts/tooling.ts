// Shared by the Prisma CLI configuration, the seed and the reset script: which database to work on.
import path from "node:path";
import { defaultDatabaseUrl } from "../src/database-url.ts";

/** `DATABASE_URL` when it is set, otherwise the demo database. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}

/** The file behind a SQLite `file:` URL, resolved against the current folder. */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${url}".`);
  return path.resolve(url.slice("file:".length));
}
