import type { DatabaseClient } from "@/db";

export function findThrottle(key: string, database: DatabaseClient) {
  return database.throttle.findUnique({ where: { key } });
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
