import type { PrismaClient } from "./generated/prisma/client.ts";

/** Prisma's messages start with the invocation; the reason is on the last line. */
function lastLine(message: string): string {
  return message.trim().split("\n").at(-1)?.trim() ?? message;
}

export class DatabaseNotReadyError extends Error {
  override readonly name = "DatabaseNotReadyError";
}

/**
 * Checks, when an app starts, that its database has been migrated and holds the tables the app
 * owns. An app never half-starts: with a missing or outdated database it stops and says why.
 */
export async function assertDatabaseReady(database: PrismaClient, tables: readonly string[]): Promise<void> {
  let present: Set<string>;
  try {
    const rows = await database.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    present = new Set(rows.map((row) => row.name));
  } catch (error) {
    throw new DatabaseNotReadyError(
      `the database cannot be opened (${lastLine((error as Error).message)}). Check DATABASE_URL, or run \`npm run db:reset\` to create the database.`,
      { cause: error },
    );
  }

  if (!present.has("_prisma_migrations")) {
    throw new DatabaseNotReadyError("the database has never been migrated. Run `npm run db:reset` to create it.");
  }
  const failed = await database.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
  );
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(", ");
    throw new DatabaseNotReadyError(`a migration did not finish (${names}). Run \`npm run db:reset\` to start over.`);
  }
  const missing = tables.filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw new DatabaseNotReadyError(
      `the database lacks the tables ${missing.join(", ")}. Run \`npm run db:reset\` to apply every migration.`,
    );
  }
}
