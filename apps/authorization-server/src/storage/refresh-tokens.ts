import { randomUUID } from "node:crypto";
import { db, type DatabaseClient } from "@/db";

export async function saveRefreshToken(
  data: { tokenHash: string; grantId: string; clientId: string; scope: string; expiresAt: Date },
  database: DatabaseClient,
  now = new Date(),
): Promise<void> {
  // Plain SQL, as every write of a token request; the id and creation date as Prisma gives them.
  await database.$executeRaw`
    INSERT INTO "RefreshToken" ("id", "tokenHash", "grantId", "clientId", "scope", "createdAt", "expiresAt")
    VALUES (${randomUUID()}, ${data.tokenHash}, ${data.grantId}, ${data.clientId}, ${data.scope}, ${now}, ${data.expiresAt})`;
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
  const count = await database.$executeRaw`
    UPDATE "RefreshToken" SET "rotatedAt" = ${now}
    WHERE "id" = ${id} AND "rotatedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Grant" WHERE "Grant"."id" = "RefreshToken"."grantId" AND "Grant"."revokedAt" IS NULL)`;
  return count === 1;
}
