import "server-only";
import { fromSqlBoolean, fromSqlDate, type SqlBoolean, type SqlDate, type SqlStatements } from "@seven-steps/db";
import { db, sql } from "@/db";

export interface NewAuthorizationCode {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  redirectUriInRequest: boolean;
  codeChallenge: string;
  codeChallengeMethod: string;
  scope: string;
  /** The resource server the tokens are for (RFC 8707); null only in codes from before resource indicators. */
  resource: string | null;
  /** The DPoP key the code is bound to (RFC 9449 §10), or null. */
  dpopJkt: string | null;
  authTime: Date;
  expiresAt: Date;
}

export async function saveAuthorizationCode(code: NewAuthorizationCode): Promise<void> {
  await db.authorizationCode.create({ data: code });
}

/** A stored code, as the token endpoint reads it. */
export interface StoredAuthorizationCode extends NewAuthorizationCode {
  id: string;
  consumedAt: Date | null;
}

/** The code with this hash, if any. Plain SQL: every code redemption reads it (see db.ts). */
export async function findAuthorizationCode(codeHash: string): Promise<StoredAuthorizationCode | null> {
  const row = await sql.one<Omit<StoredAuthorizationCode, "redirectUriInRequest" | "authTime" | "expiresAt" | "consumedAt"> & {
    redirectUriInRequest: SqlBoolean;
    authTime: SqlDate;
    expiresAt: SqlDate;
    consumedAt: SqlDate | null;
  }>(
    `SELECT "id", "codeHash", "clientId", "userId", "redirectUri", "redirectUriInRequest", "codeChallenge",
            "codeChallengeMethod", "scope", "resource", "dpopJkt", "authTime", "expiresAt", "consumedAt"
     FROM "AuthorizationCode" WHERE "codeHash" = ?`,
    codeHash,
  );
  if (!row) return null;
  return {
    ...row,
    redirectUriInRequest: fromSqlBoolean(row.redirectUriInRequest),
    authTime: fromSqlDate(row.authTime),
    expiresAt: fromSqlDate(row.expiresAt),
    consumedAt: fromSqlDate(row.consumedAt),
  };
}

/**
 * Marks the code used, if and only if nobody has used it since the token endpoint read it: its
 * `consumedAt` is still the one read, which is null for every code the endpoint redeems (the
 * attack lab's weak demo client aside, see grants/authorization-code.ts). A single conditional
 * UPDATE, so of two concurrent redemptions exactly one gets `true` (RFC 6749 §4.1.2: single use).
 * On SQLite the second waits for the write lock; on PostgreSQL it waits for the first's row lock,
 * then finds `consumedAt` changed and changes nothing.
 */
export async function consumeAuthorizationCode(
  code: Pick<StoredAuthorizationCode, "id" | "consumedAt">,
  now: Date,
  statements: SqlStatements,
): Promise<boolean> {
  const changed = await statements.run(
    `UPDATE "AuthorizationCode" SET "consumedAt" = ? WHERE "id" = ? AND "consumedAt" IS NOT DISTINCT FROM ?`,
    now,
    code.id,
    code.consumedAt,
  );
  return changed === 1;
}

export async function linkCodeToGrant(id: string, grantId: string, statements: SqlStatements): Promise<void> {
  await statements.run(`UPDATE "AuthorizationCode" SET "grantId" = ? WHERE "id" = ?`, grantId, id);
}

/** The grant issued from a code, if it was redeemed. */
export async function findGrantIdOfCode(id: string): Promise<string | null> {
  const code = await db.authorizationCode.findUnique({ where: { id }, select: { grantId: true } });
  return code?.grantId ?? null;
}
