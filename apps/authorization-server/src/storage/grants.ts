import { db, type DatabaseClient } from "@/db";

export function createGrant(
  data: { clientId: string; userId: string; scope: string; authTime: Date },
  database: DatabaseClient,
) {
  return database.grant.create({ data });
}

export async function touchGrant(id: string, now: Date, database: DatabaseClient): Promise<void> {
  await database.grant.update({ where: { id }, data: { lastUsedAt: now } });
}

/**
 * Revokes a grant, and with it every token issued under it: its refresh tokens stop working at
 * once, and its access tokens are reported inactive to anyone who asks.
 */
export async function revokeGrant(id: string, reason: string, now = new Date()): Promise<void> {
  await db.grant.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revocationReason: reason } });
}

export function findGrant(id: string) {
  return db.grant.findUnique({ where: { id } });
}
