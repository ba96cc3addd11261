import { db } from "@/db";

export function findUserByUsername(username: string) {
  return db.user.findUnique({ where: { username } });
}

export function findUserById(id: string) {
  return db.user.findUnique({ where: { id } });
}
