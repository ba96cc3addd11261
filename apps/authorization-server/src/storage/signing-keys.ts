import "server-only";
import { db, sql } from "@/db";

/** A key pair to store: its kid, its algorithm and its two halves as JWK JSON. */
export interface NewSigningKey {
  kid: string;
  algorithm: string;
  publicJwk: string;
  privateJwk: string;
}

/** The key that signs new tokens: the one marked current (SigningKey.isCurrent allows one). */
export function findCurrentSigningKey() {
  return db.signingKey.findUnique({ where: { isCurrent: true } });
}

/** Keys to publish: every key not retired, and retired keys newer than `retiredAfter`. */
export function findPublishedSigningKeys(retiredAfter: Date) {
  return db.signingKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Stores a new key as the current one, unless another instance stored one first; returns the
 * current key, which is then that instance's. Two first starts at once both try: the unique
 * `isCurrent` lets one insert through, and `ON CONFLICT DO NOTHING` turns the other's into
 * nothing (PostgreSQL makes it wait for the first to commit; SQLite runs them one after the
 * other). No transaction is needed.
 */
export async function saveFirstSigningKey(key: NewSigningKey, now: Date) {
  await sql.run(
    `INSERT INTO "SigningKey" ("kid", "algorithm", "publicJwk", "privateJwk", "createdAt", "isCurrent")
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("isCurrent") DO NOTHING`,
    key.kid,
    key.algorithm,
    key.publicJwk,
    key.privateJwk,
    now,
    true,
  );
  return db.signingKey.findUniqueOrThrow({ where: { isCurrent: true } });
}

/**
 * Retires the current key and stores a new one, in one transaction; returns what changed. Two
 * rotations at once, on two instances, run one after the other, and both happen: the second
 * retires the key the first made. Each caller learns the key it made and the key it retired.
 *
 * On SQLite the transaction takes the write lock at BEGIN (sql/sqlite.ts), which is all it takes.
 * On PostgreSQL, at READ COMMITTED, it is the `SELECT … FOR UPDATE` that waits for a rotation in
 * progress to commit. Only then does the UPDATE start, and a statement that starts then sees the
 * key that rotation made, and retires it. Without the SELECT, the UPDATE itself would wait on the
 * old key's row, find it retired, never see the new key, and the INSERT would then break the
 * unique `isCurrent`.
 *
 * Plain SQL, for that lock: Prisma's transactions on SQLite begin without the write lock.
 *
 * @see https://www.postgresql.org/docs/15/transaction-iso.html#XACT-READ-COMMITTED
 */
export async function replaceCurrentSigningKey(key: NewSigningKey, now: Date): Promise<{ kid: string; retired: string[] }> {
  return sql.transaction(async (statements) => {
    await statements.all(`SELECT "kid" FROM "SigningKey" WHERE "isCurrent" = ? FOR UPDATE`, true);
    const retired = await statements.all<{ kid: string }>(
      `UPDATE "SigningKey" SET "isCurrent" = NULL, "retiredAt" = ? WHERE "isCurrent" = ? RETURNING "kid"`,
      now,
      true,
    );
    await statements.run(
      `INSERT INTO "SigningKey" ("kid", "algorithm", "publicJwk", "privateJwk", "createdAt", "isCurrent") VALUES (?, ?, ?, ?, ?, ?)`,
      key.kid,
      key.algorithm,
      key.publicJwk,
      key.privateJwk,
      now,
      true,
    );
    return { kid: key.kid, retired: retired.map((row) => row.kid) };
  });
}
