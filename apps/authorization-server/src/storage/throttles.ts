import "server-only";
import { fromSqlDate, type SqlDate } from "@seven-steps/db";
import { sql } from "@/db";

/** What is counted under one key: failures within the current window, and a block, if any. */
export interface ThrottleRow {
  key: string;
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

type StoredRow = { key: string; failures: number; windowStartedAt: SqlDate; blockedUntil: SqlDate | null };

function throttleRow(row: StoredRow): ThrottleRow {
  return { ...row, windowStartedAt: fromSqlDate(row.windowStartedAt), blockedUntil: fromSqlDate(row.blockedUntil) };
}

/**
 * Reads the rows of `keys` and saves the rows `change` makes of them, in one transaction that
 * locks them before it reads: no other request, of this instance or another, can count in
 * between, so a decision made from a count is made from the count it writes. Every token request
 * and sign-in comes here, so this is plain SQL (see db.ts).
 *
 * A row that does not exist yet cannot be locked, so each is first made with no failures, which
 * counts as no row at all (throttling/throttle.ts): of two first failures at the same moment, the
 * second waits for the first and counts on top of it. The keys are locked in one order, so two
 * requests never wait for each other.
 */
export function changeThrottles<Result>(
  keys: string[],
  change: (rows: Map<string, ThrottleRow>) => { save: ThrottleRow[]; result: Result },
): Promise<Result> {
  const now = new Date();
  return sql.transaction(async (statements) => {
    const rows = new Map<string, ThrottleRow>();
    for (const key of [...keys].sort()) {
      await statements.run(`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (?, 0, ?) ON CONFLICT ("key") DO NOTHING`, key, now);
      const row = await statements.one<StoredRow>(
        `SELECT "key", "failures", "windowStartedAt", "blockedUntil" FROM "Throttle" WHERE "key" = ? FOR UPDATE`,
        key,
      );
      // A row with no failures and no block is one just made above, or as good as none.
      if (row && (row.failures > 0 || row.blockedUntil !== null)) {
        rows.set(key, throttleRow(row));
      }
    }
    const { save, result } = change(rows);
    for (const row of save) {
      await statements.run(
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

/** The rows of `keys` as they are now, without locking them: for a decision that writes nothing. */
export async function readThrottles(keys: string[]): Promise<Map<string, ThrottleRow>> {
  const rows = new Map<string, ThrottleRow>();
  for (const key of keys) {
    const row = await sql.one<StoredRow>(`SELECT "key", "failures", "windowStartedAt", "blockedUntil" FROM "Throttle" WHERE "key" = ?`, key);
    if (row) rows.set(key, throttleRow(row));
  }
  return rows;
}

/**
 * Takes one failure back from each key, in one transaction. A block is put back as it was only if
 * it is still the one `countedBlock` set: a block set since by another failure stays.
 */
export async function uncountFailures(counted: { key: string; countedBlock: Date | null; previousBlock: Date | null }[]): Promise<void> {
  await sql.transaction(async (statements) => {
    for (const { key, countedBlock, previousBlock } of counted) {
      await statements.run(
        `UPDATE "Throttle" SET "failures" = CASE WHEN "failures" > 0 THEN "failures" - 1 ELSE 0 END,
           "blockedUntil" = CASE WHEN "blockedUntil" IS NOT DISTINCT FROM ? THEN ? ELSE "blockedUntil" END
         WHERE "key" = ?`,
        countedBlock,
        previousBlock,
        key,
      );
    }
  });
}

export async function deleteThrottle(key: string): Promise<void> {
  await sql.run(`DELETE FROM "Throttle" WHERE "key" = ?`, key);
}
