import { tokenErrorResponse } from "@/oauth/responses";
import { findSignedInUser } from "@/session/session";
import { instructorAccess, refusalJson } from "@/workshop/access";
import { roomProgress } from "@/workshop/progress";

/**
 * The room dashboard's table and tally of mistakes (src/workshop/progress.ts), which its page asks
 * for every 2 seconds: for the instructor only, and never cached.
 */
export async function GET(request: Request) {
  try {
    const access = await instructorAccess(await findSignedInUser(request.headers.get("cookie")));
    if ("refused" in access) return refusalJson(access.refused);
    return Response.json(await roomProgress(access.room), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return tokenErrorResponse(error, "workshop room progress");
  }
}
