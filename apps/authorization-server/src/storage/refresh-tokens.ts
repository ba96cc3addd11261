import "server-only";
import { fromSqlDate, newRowId, type SqlDate, type SqlStatements } from "@seven-steps/db";
import { sql } from "@/db";

/** A stored refresh token and what the token endpoint needs of its grant. */
export interface StoredRefreshToken {
  id: string;
  tokenHash: string;
  grantId: string;
  clientId: string;
  scope: string;
  createdAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  /**
   * `resource` is null only for grants from before resource indicators (RFC 8707); `dpopJkt` is
   * the DPoP key every refresh must prove, for a public client that bound one (RFC 9449 §5).
   */
  grant: { userId: string; resource: string | null; authTime: Date; revokedAt: Date | null; dpopJkt: string | null };
}

/** Plain SQL, as every query of a token request (see db.ts); the id and creation date as Prisma gives them. */
export async function saveRefreshToken(
  data: { tokenHash: string; grantId: string; clientId: string; scope: string; expiresAt: Date },
  statements: SqlStatements,
  now: Date,
): Promise<void> {
  await statements.run(
    `INSERT INTO "RefreshToken" ("id", "tokenHash", "grantId", "clientId", "scope", "createdAt", "expiresAt")
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    newRowId(),
    data.tokenHash,
    data.grantId,
    data.clientId,
    data.scope,
    now,
    data.expiresAt,
  );
}

/** The refresh token with this hash, with its grant, if any. */
export async function findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
  const row = await sql.one<{
    id: string;
    tokenHash: string;
    grantId: string;
    clientId: string;
    scope: string;
    createdAt: SqlDate;
    expiresAt: SqlDate;
    rotatedAt: SqlDate | null;
    userId: string;
    resource: string | null;
    authTime: SqlDate;
    revokedAt: SqlDate | null;
    dpopJkt: string | null;
  }>(
    `SELECT "RefreshToken"."id", "tokenHash", "grantId", "RefreshToken"."clientId", "RefreshToken"."scope",
            "RefreshToken"."createdAt", "expiresAt", "rotatedAt", "Grant"."userId", "Grant"."resource", "Grant"."authTime",
            "Grant"."revokedAt", "Grant"."dpopJkt"
     FROM "RefreshToken" JOIN "Grant" ON "Grant"."id" = "RefreshToken"."grantId"
     WHERE "tokenHash" = ?`,
    tokenHash,
  );
  if (!row) return null;
  return {
    id: row.id,
    tokenHash: row.tokenHash,
    grantId: row.grantId,
    clientId: row.clientId,
    scope: row.scope,
    createdAt: fromSqlDate(row.createdAt),
    expiresAt: fromSqlDate(row.expiresAt),
    rotatedAt: fromSqlDate(row.rotatedAt),
    grant: {
      userId: row.userId,
      resource: row.resource,
      authTime: fromSqlDate(row.authTime),
      revokedAt: fromSqlDate(row.revokedAt),
      dpopJkt: row.dpopJkt,
    },
  };
}

/**
 * Marks a refresh token as exchanged, if and only if nobody has exchanged it since the token
 * endpoint read it (its `rotatedAt` is still the one read, which is null for every token the
 * endpoint refreshes with, the attack lab's weak demo client aside, see grants/refresh-token.ts)
 * and its grant still stands. One conditional UPDATE: of two concurrent refreshes with the same
 * token, exactly one wins (RFC 9700 §4.14.2).
 */
export async function rotateRefreshToken(
  token: Pick<StoredRefreshToken, "id" | "rotatedAt">,
  now: Date,
  statements: SqlStatements,
): Promise<boolean> {
  const changed = await statements.run(
    `UPDATE "RefreshToken" SET "rotatedAt" = ?
     WHERE "id" = ? AND "rotatedAt" IS NOT DISTINCT FROM ?
       AND EXISTS (SELECT 1 FROM "Grant" WHERE "Grant"."id" = "RefreshToken"."grantId" AND "Grant"."revokedAt" IS NULL)`,
    now,
    token.id,
    token.rotatedAt,
  );
  return changed === 1;
}
