import "server-only";
import { db } from "@/db";

export function findUserByUsername(username: string) {
  return db.user.findUnique({ where: { username } });
}

/** Replaces a user's password hash, after a sign-in that proved the password. */
export async function storePasswordHash(id: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id }, data: { passwordHash } });
}
