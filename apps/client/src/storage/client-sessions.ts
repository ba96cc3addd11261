import "server-only";
import { db } from "@/db";

export function createClientSession(data: {
  subject: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string | null;
  scope: string;
}) {
  return db.clientSession.create({ data });
}

export function findClientSession(id: string) {
  return db.clientSession.findUnique({ where: { id } });
}

/**
 * Stores the tokens of a refresh, if the row still holds the refresh token that was used: two
 * refreshes can never both write.
 */
export async function replaceTokens(
  id: string,
  previousRefreshToken: string | null,
  data: { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string | null; scope: string },
): Promise<boolean> {
  const { count } = await db.clientSession.updateMany({
    where: { id, refreshToken: previousRefreshToken, endedAt: null },
    data,
  });
  return count === 1;
}

export async function endClientSession(id: string, reason: string): Promise<void> {
  await db.clientSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endedReason: reason } });
}

export async function deleteClientSession(id: string): Promise<void> {
  await db.clientSession.deleteMany({ where: { id } });
}
