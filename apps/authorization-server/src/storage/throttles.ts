import type { DatabaseClient } from "@/db";

/** Adds one failure to `key`, creating it when new: a single INSERT ... ON CONFLICT DO UPDATE. */
export function incrementFailures(key: string, now: Date, database: DatabaseClient) {
  return database.throttle.upsert({
    where: { key },
    update: { failures: { increment: 1 } },
    create: { key, failures: 1, windowStartedAt: now, blockedUntil: null },
  });
}

export function findThrottles(keys: string[], database: DatabaseClient) {
  return database.throttle.findMany({ where: { key: { in: keys } } });
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
