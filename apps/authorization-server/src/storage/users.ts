import "server-only";
import { createMemberAlbum } from "@seven-steps/db";
import { db, type DatabaseClient } from "@/db";

export function findUserByUsername(username: string) {
  return db.user.findUnique({ where: { username } });
}

/** Replaces a user's password hash, after a sign-in that proved the password. */
export async function storePasswordHash(id: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id }, data: { passwordHash } });
}

/** An account to store: its password only as an Argon2id hash (secrets/password-hash.ts). */
export interface NewUser {
  id: string;
  username: string;
  name: string;
  passwordHash: string;
}

/** Stores a new account, on the database or on the transaction that stores more with it. */
export async function createUser(user: NewUser, database: DatabaseClient = db): Promise<void> {
  await database.user.create({ data: user });
}

/**
 * Stores a new PhotoCloud member in one transaction: their account here and their album at the
 * PhotoCloud API (packages/db/src/member-album.ts), so that neither exists without the other.
 */
export async function createMember(user: NewUser): Promise<void> {
  await db.$transaction(async (transaction) => {
    await createUser(user, transaction);
    await createMemberAlbum(transaction, { sub: user.id, username: user.username, displayName: user.name });
  });
}

/** The usernames taken among `base` and `base-…`, so that a new one can be chosen beside them. */
export async function findUsernamesLike(base: string): Promise<Set<string>> {
  const rows = await db.user.findMany({ where: { OR: [{ username: base }, { username: { startsWith: `${base}-` } }] }, select: { username: true } });
  return new Set(rows.map((row) => row.username));
}
