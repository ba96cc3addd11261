import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "../client.ts";
import { createSeededDatabase, temporaryDatabaseUrl, testProvider } from "../testing.ts";
import { fromSqlDate, getSql } from "./sql.ts";

const url = await createSeededDatabase();
const prisma = getDatabase(url);
const sql = getSql(url);
afterAll(() => prisma.$disconnect());

function newThrottleKey(): string {
  return `sql-test:${crypto.randomUUID()}`;
}

function insertThrottle(key: string, failures = 1) {
  return sql.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, ?, ?)`, key, failures, new Date());
}

describe(`plain SQL next to Prisma, on ${testProvider()}`, () => {
  it("writes dates as Prisma does, so that each reads what the other wrote", async () => {
    const key = newThrottleKey();
    const windowStartedAt = new Date("2026-11-25T10:00:00.123Z");
    await sql.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, ?, ?)`, key, 3, windowStartedAt);
    expect(await prisma.throttle.findUnique({ where: { key } })).toEqual({ key, failures: 3, windowStartedAt, blockedUntil: null });

    const blockedUntil = new Date("2026-11-25T10:01:00.456Z");
    await prisma.throttle.update({ where: { key }, data: { blockedUntil } });
    const row = await sql.one<{ blockedUntil: string | Date }>(`SELECT "blockedUntil" FROM "Throttle" WHERE "key" = ?`, key);
    expect(fromSqlDate(row!.blockedUntil)).toEqual(blockedUntil);
    // Comparisons in SQL order dates as dates: text on SQLite, timestamps on PostgreSQL.
    expect(await sql.all(`SELECT "key" FROM "Throttle" WHERE "key" = ? AND "blockedUntil" > ?`, key, new Date("2026-11-25T10:01:00.455Z"))).toEqual([{ key }]);
    expect(await sql.all(`SELECT "key" FROM "Throttle" WHERE "key" = ? AND "blockedUntil" > ?`, key, blockedUntil)).toEqual([]);
  });

  it("rolls a transaction back whole when it throws", async () => {
    const key = newThrottleKey();
    await expect(
      sql.transaction(async (statements) => {
        await statements.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, 1, ?)`, key, new Date());
        throw new Error("stop halfway");
      }),
    ).rejects.toThrow("stop halfway");
    expect(await sql.all(`SELECT * FROM "Throttle" WHERE "key" = ?`, key)).toEqual([]);
  });

  it("never lets another request read what an open transaction wrote and then took back", async () => {
    const key = newThrottleKey();
    let written!: () => void;
    let release!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const transaction = sql.transaction(async (statements) => {
      await statements.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, 1, ?)`, key, new Date());
      written();
      await released;
      throw new Error("taken back");
    });
    await wrote;
    const readMeanwhile = sql.one(`SELECT "key" FROM "Throttle" WHERE "key" = ?`, key);
    release();
    await expect(transaction).rejects.toThrow("taken back");
    expect(await readMeanwhile).toBeUndefined();
  });

  it("gives a conditional UPDATE to exactly one of many concurrent transactions: a code is used once", async () => {
    const key = newThrottleKey();
    await insertThrottle(key, 0);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        sql.transaction((statements) => statements.run(`UPDATE "Throttle" SET "failures" = 1 WHERE "key" = ? AND "failures" = 0`, key)),
      ),
    );
    expect(attempts.filter((changed) => changed === 1)).toHaveLength(1);
    expect(attempts.filter((changed) => changed === 0)).toHaveLength(11);
  });

  it("loses no count when concurrent transactions read a row FOR UPDATE and write it back", async () => {
    const key = newThrottleKey();
    await insertThrottle(key, 0);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        sql.transaction(async (statements) => {
          const row = await statements.one<{ failures: number }>(`SELECT "failures" FROM "Throttle" WHERE "key" = ? FOR UPDATE`, key);
          await statements.run(`UPDATE "Throttle" SET "failures" = ? WHERE "key" = ?`, row!.failures + 1, key);
        }),
      ),
    );
    expect((await prisma.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(12);
  });

  it("reads a Boolean column as 0 and 1 on SQLite and as a boolean on PostgreSQL, both understood", async () => {
    const row = await sql.one<{ canIntrospect: number | boolean }>(`SELECT "canIntrospect" FROM "Client" WHERE "canIntrospect" = ?`, true);
    expect(row?.canIntrospect === true || row?.canIntrospect === 1).toBe(true);
  });
});

if (testProvider() === "sqlite") {
  describe("SQLite only", () => {
    it("waits for the first query, as next build loads the apps with no database yet, and never creates one", async () => {
      const missing = await temporaryDatabaseUrl();
      await expect(getSql(missing).all(`SELECT 1`)).rejects.toMatchObject({ code: "SQLITE_CANTOPEN" });
      expect(existsSync(missing.slice("file:".length))).toBe(false);
    });

    it("waits, without blocking the event loop, while a Prisma transaction of the same process holds the write lock", async () => {
      const key = newThrottleKey();
      const order: string[] = [];
      let lockTaken!: () => void;
      const locked = new Promise<void>((resolve) => (lockTaken = resolve));

      const prismaTransaction = prisma.$transaction(async (transaction) => {
        await transaction.throttle.create({ data: { key, failures: 1, windowStartedAt: new Date() } });
        lockTaken();
        // Holds the lock across a timer: only a free event loop gets it to commit.
        await new Promise((resolve) => setTimeout(resolve, 200));
        order.push("prisma committed");
      });
      await locked;
      const plainWrite = sql.transaction(async (statements) => {
        order.push("plain SQL wrote");
        return statements.run(`UPDATE "Throttle" SET "failures" = "failures" + 1 WHERE "key" = ?`, key);
      });

      await Promise.all([prismaTransaction, plainWrite]);
      expect(await plainWrite).toBe(1);
      expect(order).toEqual(["prisma committed", "plain SQL wrote"]);
      expect((await prisma.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(2);
    });
  });
} else {
  describe("PostgreSQL only", () => {
    it("reports a server that does not answer within the connect timeout, never hangs", async () => {
      const unreachable = "postgresql://nobody:nothing@127.0.0.1:1/none";
      await expect(getSql(unreachable).one(`SELECT 1`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    });
  });
}
