import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "./client.ts";
import { assertDatabaseReady, DatabaseNotReadyError, firstMigration } from "./readiness.ts";
import { createSeededDatabase, temporaryDatabaseUrl, testProvider } from "./testing.ts";

const url = await createSeededDatabase();
const migrated = getDatabase(url);
afterAll(() => migrated.$disconnect());

describe(`assertDatabaseReady, on ${testProvider()}`, () => {
  it("accepts a migrated database that has the app's tables", async () => {
    await expect(assertDatabaseReady(migrated, url, ["User", "Client", "Photo"])).resolves.toBeUndefined();
  });

  it("names the tables that are missing", async () => {
    await expect(assertDatabaseReady(migrated, url, ["User", "Spaceship"])).rejects.toThrow(
      "the database lacks the tables Spaceship. Run `npm run db:reset` to apply every migration.",
    );
  });

  it("refuses a database whose last migration did not finish", async () => {
    await migrated.$executeRawUnsafe(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '99_broken', CURRENT_TIMESTAMP, 0)",
    );
    try {
      await expect(assertDatabaseReady(migrated, url, ["User"])).rejects.toThrow("a migration did not finish (99_broken)");
    } finally {
      await migrated.$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE id = 'x'");
    }
  });

  it("refuses a database migrated for the other provider, naming both", async () => {
    const mismatched = await createSeededDatabase();
    const database = getDatabase(mismatched);
    const other = testProvider() === "sqlite" ? "postgresql" : "sqlite";
    await database.$executeRawUnsafe(`UPDATE _prisma_migrations SET migration_name = '${firstMigration[other]}' WHERE migration_name = '${firstMigration[testProvider()]}'`);
    await expect(assertDatabaseReady(database, mismatched, ["User"])).rejects.toThrow(
      `was migrated for ${other}, but DATABASE_URL names a ${testProvider()} database`,
    );
    await database.$disconnect();
  });

  it("refuses a database that was never migrated", async () => {
    const emptyUrl = await temporaryDatabaseUrl();
    if (testProvider() === "sqlite") writeFileSync(emptyUrl.slice("file:".length), "");
    const empty = getDatabase(emptyUrl);
    await expect(assertDatabaseReady(empty, emptyUrl, ["User"])).rejects.toThrow(
      /the database at .* has never been migrated\. Run `npm run db:reset` to create it\./,
    );
    await empty.$disconnect();
  });

  it("knows the first migration of each provider's folder", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const folder = path.resolve(import.meta.dirname, "../../../prisma", provider, "migrations");
      const migrations = readdirSync(folder).filter((name) => /^\d{14}_/.test(name)).sort();
      expect(migrations[0]).toBe(firstMigration[provider]);
    }
  });
});

if (testProvider() === "sqlite") {
  it("refuses a missing database file, names DATABASE_URL, and does not create the file", async () => {
    const missingUrl = await temporaryDatabaseUrl();
    const missing = getDatabase(missingUrl);
    await expect(assertDatabaseReady(missing, missingUrl, ["User"])).rejects.toThrow(DatabaseNotReadyError);
    await expect(assertDatabaseReady(missing, missingUrl, ["User"])).rejects.toThrow(
      /cannot be opened \(unable to open database file\)\. Check DATABASE_URL/,
    );
    expect(existsSync(missingUrl.slice("file:".length))).toBe(false);
  });
} else {
  it("refuses a server that cannot be reached, naming DATABASE_URL and the host, within the connect timeout", async () => {
    const unreachableUrl = "postgresql://nobody:hunter2@127.0.0.1:1/photos";
    const started = Date.now();
    const error = await assertDatabaseReady(getDatabase(unreachableUrl), unreachableUrl, ["User"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseNotReadyError);
    expect((error as Error).message).toMatch(/the database at postgresql:\/\/nobody@127\.0\.0\.1:1\/photos cannot be opened .*Check DATABASE_URL/);
    expect((error as Error).message).not.toContain("hunter2");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
}
