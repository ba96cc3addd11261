import "server-only";
import type { SignedInUser } from "@/session/session";
import { findRoom } from "@/storage/workshop-room";
import { roomRoleOf } from "./room-role.ts";

type Room = NonNullable<Awaited<ReturnType<typeof findRoom>>>;
type Attendee = Extract<NonNullable<Awaited<ReturnType<typeof roomRoleOf>>>, { role: "attendee" }>["attendee"];

/** Why a workshop page or route is refused: the server runs no workshop, or the user is not the one it is for. */
export type Refusal = "no-workshop" | "not-instructor" | "not-attendee";

/**
 * The room dashboard is its instructor's alone: known by their own account, signed in on the
 * normal sign-in page, never by the workshop code, which the whole room knows.
 */
export async function instructorAccess(user: SignedInUser | null): Promise<{ room: Room; user: SignedInUser } | { refused: Refusal }> {
  const role = await roomRoleOf(user);
  if (user && role?.role === "instructor") return { room: role.room, user };
  return { refused: role || (await findRoom()) ? "not-instructor" : "no-workshop" };
}

/** The exercises page is each attendee's own. */
export async function attendeeAccess(
  user: SignedInUser | null,
): Promise<{ room: Room; user: SignedInUser; attendee: Attendee } | { refused: Refusal }> {
  const role = await roomRoleOf(user);
  if (user && role?.role === "attendee") return { room: role.room, user, attendee: role.attendee };
  return { refused: role || (await findRoom()) ? "not-attendee" : "no-workshop" };
}

const refusalWords: Record<Refusal, { status: number; description: string }> = {
  "no-workshop": { status: 404, description: "This server runs no workshop." },
  "not-instructor": { status: 403, description: "Only the workshop's instructor may see the room: sign in with the instructor's account." },
  "not-attendee": { status: 403, description: "Only an attendee of the workshop has exercises: join the workshop first." },
};

/** A JSON route's refusal, never cached: 404 without a workshop, 403 for anyone it is not for. */
export function refusalJson(refused: Refusal): Response {
  const { status, description } = refusalWords[refused];
  return Response.json(
    { error: refused === "no-workshop" ? "not_found" : "forbidden", error_description: description },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
