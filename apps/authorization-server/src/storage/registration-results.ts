import "server-only";
import { fromSqlDate, type SqlDate } from "@seven-steps/db";
import { db, sql, type DatabaseClient } from "@/db";

/** A registration's answer waiting for its page, as stored: found by a hash, readable only with the id. */
export interface StoredRegistrationResult {
  idHash: string;
  sealed: string;
  expiresAt: Date;
}

/** Stores a sealed answer, on the database or on the transaction that stores what it shows. */
export async function saveRegistrationResult(result: StoredRegistrationResult, database: DatabaseClient = db): Promise<void> {
  await database.registrationResult.create({ data: result });
}

/**
 * Deletes the answer stored under `idHash` and returns it; undefined when there is none. One
 * statement, `DELETE … RETURNING`: of two page views at once, on any instances, exactly one gets
 * the row. Plain SQL, since Prisma's `delete` reads the row before it deletes it.
 */
export async function takeStoredRegistrationResult(idHash: string): Promise<StoredRegistrationResult | undefined> {
  const row = await sql.one<{ sealed: string; expiresAt: SqlDate }>(
    `DELETE FROM "RegistrationResult" WHERE "idHash" = ? RETURNING "sealed", "expiresAt"`,
    idHash,
  );
  return row && { idHash, sealed: row.sealed, expiresAt: fromSqlDate(row.expiresAt) };
}
