import { db } from "@/db";

/**
 * Every query names the owner: a photo is found, changed or deleted only when it belongs to the
 * token's subject. Another member's photo is simply not there.
 */

export function listPhotos(ownerSub: string) {
  return db.photo.findMany({ where: { ownerSub }, orderBy: { takenAt: "desc" } });
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
