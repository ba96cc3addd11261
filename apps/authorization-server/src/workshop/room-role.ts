import "server-only";
import type { SignedInUser } from "@/session/session";
import { findAttendeeByUser, findRoom } from "@/storage/workshop-room";

type Room = NonNullable<Awaited<ReturnType<typeof findRoom>>>;
type Attendee = NonNullable<Awaited<ReturnType<typeof findAttendeeByUser>>>;

/**
 * What a signed-in user is in the workshop room: its instructor, an attendee, or nobody (null,
 * also when this server runs no workshop). The instructor is known by their own account, never by
 * the workshop code, which the whole room knows.
 */
export type RoomRole = { room: Room; role: "instructor" } | { room: Room; role: "attendee"; attendee: Attendee };

export async function roomRoleOf(user: SignedInUser | null): Promise<RoomRole | null> {
  if (!user) return null;
  const room = await findRoom();
  if (!room) return null;
  if (room.instructorId === user.id) return { room, role: "instructor" };
  const attendee = await findAttendeeByUser(user.id);
  return attendee && attendee.roomId === room.id ? { room, role: "attendee", attendee } : null;
}
