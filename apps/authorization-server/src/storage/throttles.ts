import { fromSqlDate } from "@seven-steps/db";
import { sql, type DatabaseClient } from "@/db";

/** Adds one failure to `key`, creating it when new: a single INSERT ... ON CONFLICT DO UPDATE. */
export function incrementFailures(key: string, now: Date, database: DatabaseClient) {
  return database.throttle.upsert({
    where: { key },
    update: { failures: { increment: 1 } },
    create: { key, failures: 1, windowStartedAt: now, blockedUntil: null },
  });
}

/**
 * When each of `keys` is blocked until, if it has a row. Every token request and sign-in asks, so
 * this is plain SQL (see db.ts).
 */
export async function findThrottles(keys: string[]): Promise<{ blockedUntil: Date | null }[]> {
  const rows = await sql.all<{ blockedUntil: string | null }>(
    `SELECT "blockedUntil" FROM "Throttle" WHERE "key" IN (${keys.map(() => "?").join(", ")})`,
    ...keys,
  );
  return rows.map((row) => ({ blockedUntil: fromSqlDate(row.blockedUntil) }));
}

export async function saveThrottle(
  data: { key: string; failures: number; windowStartedAt: Date; blockedUntil: Date | null },
  database: DatabaseClient,
): Promise<void> {
  await database.throttle.upsert({ where: { key: data.key }, update: data, create: data });
}

export async function deleteThrottle(key: string, database: DatabaseClient): Promise<void> {
  await database.throttle.deleteMany({ where: { key } });
}
