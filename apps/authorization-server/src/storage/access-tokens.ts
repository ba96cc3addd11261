import "server-only";
import type { SqlStatements } from "@seven-steps/db";
import { db } from "@/db";

/** Plain SQL, inside the token request's transaction: every token response stores one (see db.ts). */
export async function saveAccessToken(
  data: {
    jti: string;
    grantId: string | null;
    clientId: string;
    subject: string;
    scope: string;
    issuedAt: Date;
    expiresAt: Date;
  },
  statements: SqlStatements,
): Promise<void> {
  await statements.run(
    `INSERT INTO "AccessToken" ("jti", "grantId", "clientId", "subject", "scope", "issuedAt", "expiresAt")
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    data.jti,
    data.grantId,
    data.clientId,
    data.subject,
    data.scope,
    data.issuedAt,
    data.expiresAt,
  );
}

export function findAccessToken(jti: string) {
  return db.accessToken.findUnique({ where: { jti }, include: { grant: true } });
}

export async function revokeAccessToken(jti: string, now = new Date()): Promise<void> {
  await db.accessToken.updateMany({ where: { jti, revokedAt: null }, data: { revokedAt: now } });
}
