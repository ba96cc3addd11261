import "server-only";
import { fromSqlDate } from "@seven-steps/db";
import { sql } from "@/db";

/** What is counted under one key: failures within the current window, and a block, if any. */
export interface ThrottleRow {
  key: string;
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

type StoredRow = { key: string; failures: number; windowStartedAt: string; blockedUntil: string | null };

/**
 * Reads the rows of `keys` and saves the rows `change` makes of them, in one transaction that
 * takes the write lock before it reads (sql.ts): no other request, of this process or of another
 * app, can count in between, so a decision made from a count is made from the count it writes.
 * Every token request and sign-in comes here, so this is plain SQL (see db.ts).
 */
export function changeThrottles<Result>(
  keys: string[],
  change: (rows: Map<string, ThrottleRow>) => { save: ThrottleRow[]; result: Result },
): Promise<Result> {
  return sql.transaction((writer) => {
    const rows = new Map<string, ThrottleRow>();
    for (const key of keys) {
      const row = writer.one<StoredRow>(`SELECT "key", "failures", "windowStartedAt", "blockedUntil" FROM "Throttle" WHERE "key" = ?`, key);
      if (row) rows.set(key, { ...row, windowStartedAt: fromSqlDate(row.windowStartedAt), blockedUntil: fromSqlDate(row.blockedUntil) });
    }
    const { save, result } = change(rows);
    for (const row of save) {
      writer.run(
        `INSERT INTO "Throttle" ("key", "failures", "windowStartedAt", "blockedUntil") VALUES (?, ?, ?, ?)
         ON CONFLICT ("key") DO UPDATE SET "failures" = excluded."failures", "windowStartedAt" = excluded."windowStartedAt", "blockedUntil" = excluded."blockedUntil"`,
        row.key,
        row.failures,
        row.windowStartedAt,
        row.blockedUntil,
      );
    }
    return result;
  });
}

/**
 * Takes one failure back from each key, in one transaction. A block is put back as it was only if
 * it is still the one `countedBlock` set: a block set since by another failure stays.
 */
export async function uncountFailures(counted: { key: string; countedBlock: Date | null; previousBlock: Date | null }[]): Promise<void> {
  await sql.transaction((writer) => {
    for (const { key, countedBlock, previousBlock } of counted) {
      writer.run(
        `UPDATE "Throttle" SET "failures" = MAX("failures" - 1, 0),
           "blockedUntil" = CASE WHEN "blockedUntil" IS ? THEN ? ELSE "blockedUntil" END
         WHERE "key" = ?`,
        countedBlock,
        previousBlock,
        key,
      );
    }
  });
}

export async function deleteThrottle(key: string): Promise<void> {
  await sql.transaction((writer) => writer.run(`DELETE FROM "Throttle" WHERE "key" = ?`, key));
}
