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

/**
 * Creates the room, or gives the existing one this code and instructor. Returns whether it was
 * created. A room that exists keeps its attendees: only a reset empties it.
 */
export async function saveRoom(room: { codeHash: string; instructorId: string }): Promise<{ created: boolean }> {
  const existing = await findRoom();
  await db.workshopRoom.upsert({ where: { id: roomId }, create: { id: roomId, ...room }, update: room });
  return { created: existing === null };
}
