import { tokenErrorResponse } from "@/oauth/responses";
import { findSignedInUser } from "@/session/session";
import { attendeeAccess, refusalJson } from "@/workshop/access";
import { attendeeProgress } from "@/workshop/progress";

/**
 * Where the signed-in attendee stands in each exercise, from their own traffic only, which their
 * exercises page asks for every few seconds. Never cached.
 */
export async function GET(request: Request) {
  try {
    const access = await attendeeAccess(await findSignedInUser(request.headers.get("cookie")));
    if ("refused" in access) return refusalJson(access.refused);
    const progress = await attendeeProgress(access.room, access.attendee.id);
    return Response.json({ cells: progress?.cells ?? [] }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return tokenErrorResponse(error, "workshop exercises progress");
  }
}
