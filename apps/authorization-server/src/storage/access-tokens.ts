import { db, type DatabaseClient } from "@/db";

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
  database: DatabaseClient,
): Promise<void> {
  await database.accessToken.create({ data });
}

export function findAccessToken(jti: string) {
  return db.accessToken.findUnique({ where: { jti }, include: { grant: true } });
}

export async function revokeAccessToken(jti: string, now = new Date()): Promise<void> {
  await db.accessToken.updateMany({ where: { jti, revokedAt: null }, data: { revokedAt: now } });
}
