import "server-only";
import { db, type DatabaseClient } from "@/db";

/** A session to store: only the hash of its token. */
export interface NewSession {
  tokenHash: string;
  userId: string;
  authTime: Date;
  expiresAt: Date;
}

/** Stores a session, on the database or on the transaction that creates its user. */
export function createSession(data: NewSession, database: DatabaseClient = db) {
  return database.session.create({ data });
}

/** The unexpired session with this token hash, with its user. */
export function findActiveSession(tokenHash: string, now: Date) {
  return db.session.findFirst({ where: { tokenHash, expiresAt: { gt: now } }, include: { user: true } });
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
}
