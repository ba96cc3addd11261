import "server-only";
import { db } from "@/db";

/** The key that signs new tokens: the newest one not retired. */
export function findCurrentSigningKey() {
  return db.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
}

/** Keys to publish: every key not retired, and retired keys newer than `retiredAfter`. */
export function findPublishedSigningKeys(retiredAfter: Date) {
  return db.signingKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
    orderBy: { createdAt: "desc" },
  });
}

/** Stores a new key unless another process stored one first; returns the current key. */
export async function saveFirstSigningKey(data: { kid: string; algorithm: string; publicJwk: string; privateJwk: string }) {
  return db.$transaction(async (transaction) => {
    const existing = await transaction.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
    return existing ?? transaction.signingKey.create({ data });
  });
}

/** Retires every current key and stores a new one, in one transaction; returns what changed. */
export async function replaceCurrentSigningKey(
  data: { kid: string; algorithm: string; publicJwk: string; privateJwk: string },
  now: Date,
): Promise<{ kid: string; retired: string[] }> {
  // Writes first, then reads what it retired: a transaction that read first could not write in WAL
  // mode if another app had written in between.
  return db.$transaction(async (transaction) => {
    await transaction.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
    const retired = await transaction.signingKey.findMany({ where: { retiredAt: now }, select: { kid: true } });
    await transaction.signingKey.create({ data: { ...data, createdAt: now } });
    return { kid: data.kid, retired: retired.map((key) => key.kid) };
  });
}
