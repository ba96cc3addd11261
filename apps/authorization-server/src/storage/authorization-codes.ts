import { db, type DatabaseClient } from "@/db";

export interface NewAuthorizationCode {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  redirectUriInRequest: boolean;
  codeChallenge: string;
  codeChallengeMethod: string;
  scope: string;
  authTime: Date;
  expiresAt: Date;
}

export async function saveAuthorizationCode(code: NewAuthorizationCode): Promise<void> {
  await db.authorizationCode.create({ data: code });
}

export function findAuthorizationCode(codeHash: string) {
  return db.authorizationCode.findUnique({ where: { codeHash } });
}

/**
 * Marks the code used, if and only if nobody has used it yet. A single conditional UPDATE, so of
 * two concurrent redemptions exactly one gets `true` (RFC 6749 §4.1.2: single use). Plain SQL,
 * like every write of a token request: Prisma 6 compiles each ORM query on the main thread.
 */
export async function consumeAuthorizationCode(id: string, now: Date, database: DatabaseClient): Promise<boolean> {
  const count = await database.$executeRaw`
    UPDATE "AuthorizationCode" SET "consumedAt" = ${now} WHERE "id" = ${id} AND "consumedAt" IS NULL`;
  return count === 1;
}

export async function linkCodeToGrant(id: string, grantId: string, database: DatabaseClient): Promise<void> {
  await database.$executeRaw`UPDATE "AuthorizationCode" SET "grantId" = ${grantId} WHERE "id" = ${id}`;
}

/** The grant issued from a code, if it was redeemed. */
export async function findGrantIdOfCode(id: string): Promise<string | null> {
  const code = await db.authorizationCode.findUnique({ where: { id }, select: { grantId: true } });
  return code?.grantId ?? null;
}
