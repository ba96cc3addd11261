import { db } from "@/db";

const day = 24 * 60 * 60 * 1000;

/** How many rows of each kind {@link deleteExpiredRecords} removed. */
export interface DeletedRecords {
  sessions: number;
  authorizationCodes: number;
  accessTokens: number;
  refreshTokens: number;
  throttles: number;
}

/**
 * Deletes the rows that can no longer serve any purpose, so that the tables the token endpoint
 * writes to do not grow for ever:
 *
 * - sessions past their expiry: `findActiveSession` ignores them already;
 * - authorization codes a day after their expiry. A redeemed code is kept that long so that a
 *   replay still finds it and revokes what it issued (RFC 6749 §4.1.2); once the row is gone, a
 *   replay is refused as an unknown code;
 * - access tokens past their `exp`: every resource server and the introspection endpoint refuse
 *   an expired JWT before they would look for its record (RFC 9068 §4, RFC 7662 §2.2);
 * - refresh tokens past their expiry, rotated or not: the token endpoint refuses them anyway;
 * - failure counters whose window began more than a day ago and that block nobody now. Every
 *   throttle's window is shorter than that.
 *
 * Grants are not deleted here: "Connected apps" lists the live ones, and a revoked one keeps the
 * reason it was revoked.
 */
export async function deleteExpiredRecords(now = new Date()): Promise<DeletedRecords> {
  const aDayAgo = new Date(now.getTime() - day);
  const [sessions, authorizationCodes, accessTokens, refreshTokens, throttles] = await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.authorizationCode.deleteMany({ where: { expiresAt: { lte: aDayAgo } } }),
    db.accessToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.refreshToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.throttle.deleteMany({
      where: { windowStartedAt: { lte: aDayAgo }, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
    }),
  ]);
  return {
    sessions: sessions.count,
    authorizationCodes: authorizationCodes.count,
    accessTokens: accessTokens.count,
    refreshTokens: refreshTokens.count,
    throttles: throttles.count,
  };
}
