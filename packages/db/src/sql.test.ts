import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "./client.ts";
import { fromSqlDate, getSql, toSqlDate } from "./sql.ts";
import { createSeededDatabase, temporaryDatabaseUrl } from "./testing.ts";

const url = createSeededDatabase();
const prisma = getDatabase(url);
const sql = getSql(url);
afterAll(() => prisma.$disconnect());

function newThrottleKey(): string {
  return `sql-test:${crypto.randomUUID()}`;
}

describe("opening the connection", () => {
  it("waits for the first query, as next build loads the apps with no database yet, and never creates one", async () => {
    const missing = temporaryDatabaseUrl();
    const sqlOnMissingFile = getSql(missing);
    await expect(sqlOnMissingFile.all(`SELECT 1`)).rejects.toMatchObject({ code: "SQLITE_CANTOPEN" });
    expect(existsSync(missing.slice("file:".length))).toBe(false);
  });
});

describe("plain SQL next to Prisma", () => {
  it("writes dates as Prisma does, so that each reads what the other wrote", async () => {
    const key = newThrottleKey();
    const windowStartedAt = new Date("2026-11-25T10:00:00.123Z");
    await sql.transaction((writer) =>
      writer.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, ?, ?)`, key, 3, windowStartedAt),
    );
    expect(await prisma.throttle.findUnique({ where: { key } })).toEqual({ key, failures: 3, windowStartedAt, blockedUntil: null });

    const blockedUntil = new Date("2026-11-25T10:01:00.456Z");
    await prisma.throttle.update({ where: { key }, data: { blockedUntil } });
    const row = await sql.one<{ blockedUntil: string }>(`SELECT "blockedUntil" FROM "Throttle" WHERE "key" = ?`, key);
    expect(row?.blockedUntil).toBe(toSqlDate(blockedUntil));
    expect(fromSqlDate(row!.blockedUntil)).toEqual(blockedUntil);
  });

  it("rolls a transaction back whole when it throws", async () => {
    const key = newThrottleKey();
    await expect(
      sql.transaction((writer) => {
        writer.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, 1, ?)`, key, new Date());
        throw new Error("stop halfway");
      }),
    ).rejects.toThrow("stop halfway");
    expect(await sql.all(`SELECT * FROM "Throttle" WHERE "key" = ?`, key)).toEqual([]);
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
    const plainWrite = sql.transaction((writer) => {
      order.push("plain SQL wrote");
      return writer.run(`UPDATE "Throttle" SET "failures" = "failures" + 1 WHERE "key" = ?`, key);
    });

    await Promise.all([prismaTransaction, plainWrite]);
    expect(await plainWrite).toBe(1);
    expect(order).toEqual(["prisma committed", "plain SQL wrote"]);
    expect((await prisma.throttle.findUniqueOrThrow({ where: { key } })).failures).toBe(2);
  });
});
