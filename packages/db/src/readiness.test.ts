import { existsSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "./client.ts";
import { assertDatabaseReady, DatabaseNotReadyError } from "./readiness.ts";
import { createSeededDatabase, temporaryDatabaseUrl } from "./testing.ts";

const migrated = getDatabase(createSeededDatabase());
afterAll(() => migrated.$disconnect());

describe("assertDatabaseReady", () => {
  it("accepts a migrated database that has the app's tables", async () => {
    await expect(assertDatabaseReady(migrated, ["User", "Client", "Photo"])).resolves.toBeUndefined();
  });

  it("names the tables that are missing", async () => {
    await expect(assertDatabaseReady(migrated, ["User", "Spaceship"])).rejects.toThrow(
      "the database lacks the tables Spaceship. Run `npm run db:reset` to apply every migration.",
    );
  });

  it("refuses a database whose last migration did not finish", async () => {
    await migrated.$executeRawUnsafe(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '99_broken', 0, 0)",
    );
    try {
      await expect(assertDatabaseReady(migrated, ["User"])).rejects.toThrow("a migration did not finish (99_broken)");
    } finally {
      await migrated.$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE id = 'x'");
    }
  });

  it("refuses a database that was never migrated", async () => {
    const url = temporaryDatabaseUrl();
    writeFileSync(url.slice("file:".length), "");
    const empty = getDatabase(url);
    await expect(assertDatabaseReady(empty, ["User"])).rejects.toThrow(
      "the database has never been migrated. Run `npm run db:reset` to create it.",
    );
    await empty.$disconnect();
  });

  it("refuses a missing database file, and does not create it", async () => {
    const url = temporaryDatabaseUrl();
    const missing = getDatabase(url);
    await expect(assertDatabaseReady(missing, ["User"])).rejects.toThrow(DatabaseNotReadyError);
    await expect(assertDatabaseReady(missing, ["User"])).rejects.toThrow(
      /cannot be opened \(unable to open database file\)\. Check DATABASE_URL/,
    );
    expect(existsSync(url.slice("file:".length))).toBe(false);
  });
});
