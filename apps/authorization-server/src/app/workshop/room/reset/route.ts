import { messagePage } from "@/html/message-page";
import { noWorkshopPage } from "@/html/no-workshop-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { readFormParameters } from "@/oauth/parameters";
import { asOAuthError } from "@/oauth/responses";
import { isSameOriginPost } from "@/session/same-origin";
import { findSignedInUser, isValidCsrfToken } from "@/session/session";
import { findRoom } from "@/storage/workshop-room";
import { putResetReport } from "@/workshop/credentials";
import { joinUrl } from "@/workshop/join-link";
import { resetRoom } from "@/workshop/reset";
import { roomRoleOf } from "@/workshop/room-role";
import { generateWorkshopCode, InvalidWorkshopCode } from "@/workshop/workshop-code";

const backToDashboard = { href: "/workshop/room", text: "Back to the room" };

function refused(status: number, message: string): Response {
  return messagePage({ status, title: "The room was not reset", message, link: backToDashboard });
}

/**
 * The dashboard's Reset room posts here: `confirm=reset`, the session's `csrf_token`, and
 * `new_code`, the room's next code (one is generated when it is blank). Only the instructor may
 * reset, from this server's own page (same-origin), with their session's CSRF token, and after
 * confirming: it deletes every attendee's account and all they hold (workshop/reset.ts).
 *
 * A reset answers 303 to a page that shows what was deleted and the new code once, so that
 * reloading it never resets the room a second time.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) return refused(403, "The reset form was sent from another site.");
  try {
    if (!(await findRoom())) return noWorkshopPage();
    const user = await findSignedInUser(request.headers.get("cookie"));
    if (!user || (await roomRoleOf(user))?.role !== "instructor") {
      return refused(403, "Only the instructor may reset the room: sign in with the instructor's account.");
    }
    const form = await readFormParameters(request);
    if (!isValidCsrfToken(user, form.getIfValid("csrf_token"))) {
      return refused(403, "The reset form has expired or did not come from this site. Open the room's dashboard again.");
    }
    if (form.getIfValid("confirm") !== "reset") return refused(400, "Nothing was deleted: confirm the reset first.");
    const code = form.getIfValid("new_code")?.trim() || generateWorkshopCode();
    const counts = await resetRoom(code);
    const reportId = await putResetReport({ counts, code, joinUrl: joinUrl(code) });
    return new Response(null, { status: 303, headers: { Location: `/workshop/room/reset/${reportId}`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof InvalidWorkshopCode) return refused(400, `Nothing was deleted: ${error.message}`);
    const oauthError = asOAuthError(error, "workshop room reset");
    if (oauthError.status >= 500) return serverFailurePage(oauthError, backToDashboard);
    return refused(400, oauthError.description);
  }
}
