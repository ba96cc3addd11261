import "server-only";
import { findFlowById } from "@seven-steps/inspector";
import { db } from "@/db";
import { tokenErrorResponse } from "@/oauth/responses";
import { findSignedInUser } from "@/session/session";
import { instructorAccess, refusalJson } from "@/workshop/access";
import { attendeeOfFlow } from "@/workshop/room-flows";

/**
 * An attendee's recorded flow, which the instructor's inspector page asks for again while the flow
 * runs: for the instructor only, and only the flows of the room's attendees.
 */
export async function GET(request: Request, { params }: { params: Promise<{ flowId: string }> }) {
  try {
    const access = await instructorAccess(await findSignedInUser(request.headers.get("cookie")));
    if ("refused" in access) return refusalJson(access.refused);
    const { flowId } = await params;
    const flow = (await attendeeOfFlow(access.room.id, flowId)) ? await findFlowById(db, flowId) : null;
    if (!flow) {
      return Response.json(
        { error: "not_found", error_description: "No such flow of an attendee of this room, or it has expired." },
        { status: 404, headers: { "Cache-Control": "no-store" } },
      );
    }
    return Response.json(flow, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return tokenErrorResponse(error, "workshop room flow");
  }
}
