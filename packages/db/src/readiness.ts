import { databaseProvider, type DatabaseProvider, describeDatabase } from "./database-url.ts";
import type { PrismaClient } from "./generated/sqlite/client.ts";

/** Prisma's messages start with the invocation; the reason is on the last line. */
function lastLine(message: string): string {
  return message.trim().split("\n").at(-1)?.trim() ?? message;
}

export class DatabaseNotReadyError extends Error {
  override readonly name = "DatabaseNotReadyError";
}

/**
 * The first migration of each provider's folder (prisma/sqlite/migrations and
 * prisma/postgresql/migrations). A database whose history starts with the other one was made for
 * the other provider. readiness.test.ts checks these against the folders.
 */
export const firstMigration: Record<DatabaseProvider, string> = {
  sqlite: "20261125184208_init",
  postgresql: "20261205031500_init",
};

const tableQueries: Record<DatabaseProvider, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table'",
  postgresql: "SELECT CAST(tablename AS TEXT) AS name FROM pg_tables WHERE schemaname = current_schema()",
};

/**
 * Checks, when an app starts, that its database can be reached, has been migrated for its
 * provider, and holds the tables the app owns. An app never half-starts: with a missing,
 * unreachable or outdated database it stops and says why, naming DATABASE_URL and where it points.
 * A PostgreSQL server that does not answer is reported after the pool's connect timeout
 * (postgresql/pool.ts), never waited on forever.
 */
export async function assertDatabaseReady(database: PrismaClient, url: string, tables: readonly string[]): Promise<void> {
  const provider = databaseProvider(url);
  const where = describeDatabase(url);
  let present: Set<string>;
  try {
    const rows = await database.$queryRawUnsafe<{ name: string }[]>(tableQueries[provider]);
    present = new Set(rows.map((row) => row.name));
  } catch (error) {
    const fix = provider === "sqlite" ? "run `npm run db:reset` to create the database" : "check that the PostgreSQL server runs there and accepts this role";
    throw new DatabaseNotReadyError(
      `the database at ${where} cannot be opened (${lastLine((error as Error).message)}). Check DATABASE_URL, or ${fix}.`,
      { cause: error },
    );
  }

  if (!present.has("_prisma_migrations")) {
    throw new DatabaseNotReadyError(`the database at ${where} has never been migrated. Run \`npm run db:reset\` to create it.`);
  }
  const history = await database.$queryRawUnsafe<{ migration_name: string; finished: boolean | number }[]>(
    `SELECT migration_name, finished_at IS NOT NULL OR rolled_back_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  const other = provider === "sqlite" ? "postgresql" : "sqlite";
  if (history[0]?.migration_name === firstMigration[other]) {
    throw new DatabaseNotReadyError(
      `the database at ${where} was migrated for ${other}, but DATABASE_URL names a ${provider} database. Point DATABASE_URL at a database made for ${provider}, or run \`npm run db:reset\`.`,
    );
  }
  const failed = history.filter((row) => !row.finished).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new DatabaseNotReadyError(`a migration did not finish (${failed.join(", ")}). Run \`npm run db:reset\` to start over.`);
  }
  const missing = tables.filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw new DatabaseNotReadyError(
      `the database lacks the tables ${missing.join(", ")}. Run \`npm run db:reset\` to apply every migration.`,
    );
  }
}
