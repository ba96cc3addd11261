// Which failures mean "the database is unavailable for now": each case is the error a real driver
// throws, not a copy of its fields.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../scripts/postgres-cluster.ts";
import { getDatabase } from "./client.ts";
import { getSql } from "./sql/sql.ts";
import { isDatabaseUnavailable, unavailabilityReason } from "./unavailable.ts";

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** A PostgreSQL URL nobody listens at: every connection is refused, as when the server is down. */
async function unreachablePostgresUrl(): Promise<string> {
  return `postgresql://nobody:secret@127.0.0.1:${await freePort()}/nothing`;
}

function sqliteFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-unavailable-")), "test.db");
  const database = new Database(file);
  database.exec("CREATE TABLE t (x INTEGER)");
  database.close();
  return file;
}

describe("isDatabaseUnavailable", () => {
  it("recognises a PostgreSQL server that refuses connections, through plain SQL and through Prisma", async () => {
    const url = await unreachablePostgresUrl();
    const fromPg = await thrown(() => getSql(url).one("SELECT 1"));
    const fromPrisma = await thrown(() => getDatabase(url).user.findFirst());
    const fromPrismaTransaction = await thrown(() => getDatabase(url).$transaction(async (transaction) => transaction.user.count()));

    expect(fromPg).toMatchObject({ code: "ECONNREFUSED" });
    expect(fromPrisma).toMatchObject({ code: "P1001" });
    for (const error of [fromPg, fromPrisma, fromPrismaTransaction]) expect(isDatabaseUnavailable(error)).toBe(true);
    // One line for the log: the reason, without the call Prisma's message starts with.
    expect(unavailabilityReason(fromPg)).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(unavailabilityReason(fromPrisma)).toMatch(/^Can't reach database server at 127\.0\.0\.1:\d+$/);
  });

  it("recognises a SQLite write lock held longer than the busy timeout", async () => {
    const file = sqliteFile();
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const blocked = new Database(file, { timeout: 0 });
      const error = await thrown(async () => blocked.prepare("INSERT INTO t VALUES (1)").run());
      expect(error).toMatchObject({ code: "SQLITE_BUSY" });
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      holder.exec("ROLLBACK");
    }
  });

  it("recognises the failure in the cause of an error that wraps it", async () => {
    const refused = await thrown(async () => getSql(await unreachablePostgresUrl()).one("SELECT 1"));
    expect(isDatabaseUnavailable(new Error("could not load the client", { cause: refused }))).toBe(true);
  });

  it("does not take a wrong query, a broken rule or any other error for an unavailable database", async () => {
    const url = `file:${sqliteFile()}`;
    const syntax = await thrown(() => getSql(url).one("SELEC 1"));
    const prismaSyntax = await thrown(() => getDatabase(url).$queryRawUnsafe("SELEC 1"));
    const missingTable = await thrown(() => getDatabase(url).user.findFirst());

    for (const error of [syntax, prismaSyntax, missingTable, new Error("boom"), new TypeError("x is undefined"), "text", null]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
