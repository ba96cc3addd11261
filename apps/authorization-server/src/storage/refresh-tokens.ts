import { db, type DatabaseClient } from "@/db";

export async function saveRefreshToken(
  data: { tokenHash: string; grantId: string; clientId: string; scope: string; expiresAt: Date },
  database: DatabaseClient,
): Promise<void> {
  await database.refreshToken.create({ data });
}

export function findRefreshToken(tokenHash: string) {
  return db.refreshToken.findUnique({ where: { tokenHash }, include: { grant: true } });
}

/**
 * Marks a refresh token as exchanged, if and only if it has not been exchanged yet and its grant
 * still stands. One conditional UPDATE: of two concurrent refreshes with the same token, exactly
 * one wins (RFC 9700 §4.14.2).
 */
export async function rotateRefreshToken(id: string, now: Date, database: DatabaseClient): Promise<boolean> {
  const { count } = await database.refreshToken.updateMany({
    where: { id, rotatedAt: null, grant: { revokedAt: null } },
    data: { rotatedAt: now },
  });
  return count === 1;
}
