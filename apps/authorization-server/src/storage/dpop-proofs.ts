import "server-only";
import { sql } from "@/db";

/**
 * The replay cache of DPoP proofs seen at the token endpoint (RFC 9449 §11.1): the SHA-256 of
 * each proof's `jti`, until its `iat` is too old to be accepted anyway. In the database, so that
 * a proof used at one instance of the server is refused at every other.
 *
 * One statement, which inserts the row unless it is there: of two requests with the same proof,
 * at one instance or two, exactly one inserts it, on SQLite and on PostgreSQL alike. Plain SQL,
 * as every query of a token request (see db.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-11.1
 */
export async function rememberDpopProof(jtiHash: string, expiresAt: Date): Promise<boolean> {
  const inserted = await sql.run(
    `INSERT INTO "DpopProof" ("jtiHash", "expiresAt") VALUES (?, ?) ON CONFLICT ("jtiHash") DO NOTHING`,
    jtiHash,
    expiresAt,
  );
  return inserted === 1;
}
