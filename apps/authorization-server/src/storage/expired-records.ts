import "server-only";
import { db } from "@/db";

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/** How many rows of each kind {@link deleteExpiredRecords} removed. */
export interface DeletedRecords {
  sessions: number;
  authorizationCodes: number;
  accessTokens: number;
  refreshTokens: number;
  throttles: number;
  registrationResults: number;
  dpopProofs: number;
  pushedAuthorizationRequests: number;
}

/**
 * Deletes the rows that can no longer serve any purpose, so that the tables the token endpoint
 * writes to do not grow for ever. Each is kept a while past its expiry first, an hour at least,
 * so that no clock a little behind, at a resource server or here, still takes for valid what is
 * already gone:
 *
 * - sessions an hour after their expiry: `findActiveSession` ignores them already;
 * - access-token records an hour after their `exp`: resource servers and the introspection
 *   endpoint refuse an expired JWT before they would look for its record (RFC 9068 §4,
 *   RFC 7662 §2.2);
 * - refresh tokens an hour after their expiry, rotated or not: the token endpoint refuses them;
 * - authorization codes a day after their expiry. A redeemed code is kept that long so that a
 *   replay still finds it and revokes what it issued (RFC 6749 §4.1.2); once the row is gone, a
 *   replay is refused as an unknown code;
 * - failure counters whose window began more than a day ago and that block nobody now. Every
 *   throttle's window is shorter than that;
 * - registration answers never shown, at their expiry: no page will take them any more;
 * - DPoP proofs seen, at their expiry: a proof that old is refused for its `iat` before its
 *   `jti` is looked up (RFC 9449 §11.1), so the row has nothing left to stop;
 * - pushed authorization requests an hour after their expiry, used or not: the authorization
 *   endpoint refuses them already, and a recording of their flow no longer needs them.
 *
 * Grants are not deleted here: "Connected apps" lists the live ones, and a revoked one keeps the
 * reason it was revoked.
 *
 * No column it filters on is indexed, so each run reads these tables through, every ten minutes;
 * an index on `expiresAt` would instead cost every token request one more index to write. The
 * DPoP proofs are the exception: their table holds nothing but a key and its expiry, and its
 * index on `expiresAt` (prisma/models) keeps this DELETE from reading every proof of the hour.
 *
 * Every instance of the server runs it on its own timer, and two may run it at once. Each row is
 * still deleted once, and neither run fails: a DELETE removes only the rows still there when it
 * reaches them. On PostgreSQL the second run waits for the rows the first has locked, then finds
 * them gone (both read the tables in the same order, so neither waits for the other in turn); on
 * SQLite the write lock runs the two transactions one after the other. Each run counts what it
 * deleted itself.
 */
export async function deleteExpiredRecords(now = new Date()): Promise<DeletedRecords> {
  const anHourAgo = new Date(now.getTime() - hour);
  const aDayAgo = new Date(now.getTime() - day);
  const [sessions, authorizationCodes, accessTokens, refreshTokens, throttles, registrationResults, dpopProofs, pushedAuthorizationRequests] =
    await db.$transaction([
      db.session.deleteMany({ where: { expiresAt: { lte: anHourAgo } } }),
      db.authorizationCode.deleteMany({ where: { expiresAt: { lte: aDayAgo } } }),
      db.accessToken.deleteMany({ where: { expiresAt: { lte: anHourAgo } } }),
      db.refreshToken.deleteMany({ where: { expiresAt: { lte: anHourAgo } } }),
      db.throttle.deleteMany({
        where: { windowStartedAt: { lte: aDayAgo }, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
      }),
      db.registrationResult.deleteMany({ where: { expiresAt: { lte: now } } }),
      db.dpopProof.deleteMany({ where: { expiresAt: { lte: now } } }),
      db.pushedAuthorizationRequest.deleteMany({ where: { expiresAt: { lte: anHourAgo } } }),
    ]);
  return {
    sessions: sessions.count,
    authorizationCodes: authorizationCodes.count,
    accessTokens: accessTokens.count,
    refreshTokens: refreshTokens.count,
    throttles: throttles.count,
    registrationResults: registrationResults.count,
    dpopProofs: dpopProofs.count,
    pushedAuthorizationRequests: pushedAuthorizationRequests.count,
  };
}
