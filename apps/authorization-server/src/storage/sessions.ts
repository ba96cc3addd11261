import "server-only";
import { db } from "@/db";

export function createSession(data: { tokenHash: string; userId: string; authTime: Date; expiresAt: Date }) {
  return db.session.create({ data });
}

/** The unexpired session with this token hash, with its user. */
export function findActiveSession(tokenHash: string, now: Date) {
  return db.session.findFirst({ where: { tokenHash, expiresAt: { gt: now } }, include: { user: true } });
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
}
