import "server-only";
import { fromSqlDate, type Photo, type SqlDate } from "@seven-steps/db";
import { db, sql } from "@/db";

/**
 * Every query names the owner: a photo is found, changed or deleted only when it belongs to the
 * token's subject. Another member's photo is simply not there.
 */

/** Newest first. Plain SQL (see db.ts), on the index of (ownerSub, takenAt). */
export async function listPhotos(ownerSub: string): Promise<Photo[]> {
  const rows = await sql.all<Omit<Photo, "takenAt" | "createdAt" | "updatedAt"> & { takenAt: SqlDate; createdAt: SqlDate; updatedAt: SqlDate }>(
    `SELECT "id", "ownerSub", "title", "motif", "palette", "takenAt", "createdAt", "updatedAt"
     FROM "Photo" WHERE "ownerSub" = ? ORDER BY "takenAt" DESC`,
    ownerSub,
  );
  return rows.map((row) => ({
    ...row,
    takenAt: fromSqlDate(row.takenAt),
    createdAt: fromSqlDate(row.createdAt),
    updatedAt: fromSqlDate(row.updatedAt),
  }));
}

export function findPhoto(id: string, ownerSub: string) {
  return db.photo.findFirst({ where: { id, ownerSub } });
}

export function createPhoto(
  ownerSub: string,
  data: { title: string; motif: string; palette: string; takenAt: Date },
) {
  return db.photo.create({ data: { ...data, ownerSub } });
}

/** Applies changes in one UPDATE; false when the member has no such photo. */
export async function updatePhoto(
  id: string,
  ownerSub: string,
  changes: { title?: string; motif?: string; palette?: string; takenAt?: Date },
): Promise<boolean> {
  const { count } = await db.photo.updateMany({ where: { id, ownerSub }, data: changes });
  return count === 1;
}

/** Deletes in one statement; false when the member has no such photo. */
export async function deletePhoto(id: string, ownerSub: string): Promise<boolean> {
  const { count } = await db.photo.deleteMany({ where: { id, ownerSub } });
  return count === 1;
}
