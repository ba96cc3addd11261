import "server-only";
import { db, sql } from "@/db";

/**
 * The API's replay cache of DPoP proofs (RFC 9449 §11.1): the SHA-256 of each proof's `jti`,
 * until its `iat` is too old to be accepted anyway. In the database, so that a proof used at one
 * instance of the API is refused at every other. One statement inserts the row unless it is
 * there: of two requests with the same proof, exactly one inserts it, on SQLite and PostgreSQL.
 * Plain SQL, for every DPoP request writes it (see db.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-11.1
 */
export async function rememberDpopProof(jtiHash: string, expiresAt: Date): Promise<boolean> {
  const inserted = await sql.run(
    `INSERT INTO "ApiDpopProof" ("jtiHash", "expiresAt") VALUES (?, ?) ON CONFLICT ("jtiHash") DO NOTHING`,
    jtiHash,
    expiresAt,
  );
  return inserted === 1;
}

/**
 * Deletes the proofs whose `iat` is refused now: their rows have nothing left to stop. Two
 * instances may run it at once; each row is deleted once, and neither fails.
 */
export async function deleteExpiredDpopProofs(now = new Date()): Promise<number> {
  return (await db.apiDpopProof.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
