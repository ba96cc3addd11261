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
  // Plain SQL, for every token response stores one: an ORM create costs five times as much in
  // Prisma 6, which compiles each query on the main thread. Dates are stored as Prisma stores them.
  await database.$executeRaw`
    INSERT INTO "AccessToken" ("jti", "grantId", "clientId", "subject", "scope", "issuedAt", "expiresAt")
    VALUES (${data.jti}, ${data.grantId}, ${data.clientId}, ${data.subject}, ${data.scope}, ${data.issuedAt}, ${data.expiresAt})`;
}

export function findAccessToken(jti: string) {
  return db.accessToken.findUnique({ where: { jti }, include: { grant: true } });
}

export async function revokeAccessToken(jti: string, now = new Date()): Promise<void> {
  await db.accessToken.updateMany({ where: { jti, revokedAt: null }, data: { revokedAt: now } });
}
