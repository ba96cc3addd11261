import "server-only";
import { newRowId, type SqlStatements } from "@seven-steps/db";
import { db } from "@/db";

/**
 * Stores a new grant and returns it. Plain SQL, for it is written by every code redemption: the
 * id and both dates are given here, as Prisma would have given them.
 */
export async function createGrant(
  data: { clientId: string; userId: string; scope: string; resource: string; authTime: Date; dpopJkt: string | null },
  statements: SqlStatements,
  now: Date,
) {
  const grant = { id: newRowId(), ...data, createdAt: now, lastUsedAt: now, revokedAt: null, revocationReason: null };
  await statements.run(
    `INSERT INTO "Grant" ("id", "clientId", "userId", "scope", "resource", "authTime", "dpopJkt", "createdAt", "lastUsedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    grant.id,
    grant.clientId,
    grant.userId,
    grant.scope,
    grant.resource,
    grant.authTime,
    grant.dpopJkt,
    now,
    now,
  );
  return grant;
}

export async function touchGrant(id: string, now: Date, statements: SqlStatements): Promise<void> {
  await statements.run(`UPDATE "Grant" SET "lastUsedAt" = ? WHERE "id" = ?`, now, id);
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

/** The clients a user has allowed, with their active grants: the "Connected apps". */
export async function listConnectedApps(userId: string) {
  const consents = await db.consent.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const clients = await db.client.findMany({ where: { id: { in: consents.map((consent) => consent.clientId) } } });
  const grants = await db.grant.findMany({ where: { userId, revokedAt: null } });
  return consents.map((consent) => ({
    clientId: consent.clientId,
    clientName: clients.find((client) => client.id === consent.clientId)?.name ?? consent.clientId,
    scope: consent.scope,
    since: consent.createdAt,
    lastUsedAt: grants
      .filter((grant) => grant.clientId === consent.clientId)
      .reduce<Date | null>((latest, grant) => (latest && latest > grant.lastUsedAt ? latest : grant.lastUsedAt), null),
  }));
}

/** Why a grant ended when its user took the access back at Connected apps. */
export const removedByTheUser = "access removed by the user";

/**
 * Ends everything a user gave a client: every grant, so every token issued under them, and the
 * remembered consent, so the client must ask again.
 */
export async function disconnectApp(userId: string, clientId: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.grant.updateMany({
      where: { userId, clientId, revokedAt: null },
      data: { revokedAt: now, revocationReason: removedByTheUser },
    }),
    db.consent.deleteMany({ where: { userId, clientId } }),
  ]);
}
