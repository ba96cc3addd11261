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
 * Claims the refresh of a session's tokens for this instance until `until`, if the row still
 * holds the refresh token the caller read, and no other instance holds a claim that has not run
 * out. One UPDATE: of two instances at once, exactly one gets it. `updatedAt` dates the tokens
 * (their lifetime is read from it), and a claim changes no token, so it is kept as it was.
 */
export async function claimRefresh(
  row: { id: string; refreshToken: string | null; updatedAt: Date },
  now: Date,
  until: Date,
): Promise<boolean> {
  const { count } = await db.clientSession.updateMany({
    where: { id: row.id, refreshToken: row.refreshToken, endedAt: null, OR: [{ refreshingUntil: null }, { refreshingUntil: { lte: now } }] },
    data: { refreshingUntil: until, updatedAt: row.updatedAt },
  });
  return count === 1;
}

/** Gives up a claim on the refresh that stored no tokens, so that the next request may try at once. */
export async function releaseRefresh(row: { id: string; updatedAt: Date }): Promise<void> {
  await db.clientSession.updateMany({ where: { id: row.id }, data: { refreshingUntil: null, updatedAt: row.updatedAt } });
}

/**
 * Stores the tokens of a refresh, and ends the claim on it, if the row still holds the refresh
 * token that was used: two refreshes can never both write.
 */
export async function replaceTokens(
  id: string,
  previousRefreshToken: string | null,
  data: { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string | null; scope: string },
): Promise<boolean> {
  const { count } = await db.clientSession.updateMany({
    where: { id, refreshToken: previousRefreshToken, endedAt: null },
    data: { ...data, refreshingUntil: null },
  });
  return count === 1;
}

export async function endClientSession(id: string, reason: string): Promise<void> {
  await db.clientSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endedReason: reason } });
}

export async function deleteClientSession(id: string): Promise<void> {
  await db.clientSession.deleteMany({ where: { id } });
}
