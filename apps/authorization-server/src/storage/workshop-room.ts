import "server-only";
import { db } from "@/db";

/** The id of the one room a server runs (WorkshopRoom). */
export const roomId = "room";

/** The workshop room, if this server was started with `npm run workshop`. */
export function findRoom() {
  return db.workshopRoom.findUnique({ where: { id: roomId } });
}

/** The attendee a user is, if they joined the room. */
export function findAttendeeByUser(userId: string) {
  return db.workshopAttendee.findUnique({ where: { userId } });
}
