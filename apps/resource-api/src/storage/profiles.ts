import "server-only";
import { db } from "@/db";

export function findProfile(sub: string) {
  return db.profile.findUnique({ where: { sub } });
}
