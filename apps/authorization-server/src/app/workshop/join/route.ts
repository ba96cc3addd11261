import { clientAddress } from "@seven-steps/config/client-address";
import { messagePage } from "@/html/message-page";
import { noWorkshopPage } from "@/html/no-workshop-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { queryParameters, readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { asOAuthError } from "@/oauth/responses";
import { isSameOriginPost } from "@/session/same-origin";
import { findRoom } from "@/storage/workshop-room";
import { checkJoinCode, joinWorkshop, type JoinForm } from "@/workshop/join";
import { emptyJoinForm, joinFormPage } from "./join-form-page.ts";

const backToForm = { href: "/workshop/join", text: "Back to the join page" };

function throttled(retryAfterSeconds: number): Response {
  return messagePage({
    status: 429,
    title: "Too many wrong workshop codes",
    message: `Joining is paused for this address after several wrong codes. Try again in ${retryAfterSeconds} seconds, with the code on the instructor's screen.`,
    link: backToForm,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/**
 * The join page, from the join link: `/workshop/join?code=…` fills the code in. A code in the
 * link that is no longer the room's (a link from before a reset) is refused at once, as a wrong
 * code typed in the form would be.
 */
export async function GET(request: Request) {
  try {
    const room = await findRoom();
    if (!room) return noWorkshopPage();
    const code = queryParameters(request.url).getIfValid("code");
    if (code === undefined) return joinFormPage({ status: 200, form: emptyJoinForm(undefined) });
    const checked = await checkJoinCode(room, code, clientAddress(request));
    if (checked.outcome === "throttled") return throttled(checked.retryAfterSeconds);
    if (checked.outcome === "refused") return joinFormPage({ status: 400, form: emptyJoinForm(code), error: { field: "code", message: checked.message } });
    return joinFormPage({ status: 200, form: emptyJoinForm(code) });
  } catch (error) {
    return failure(error);
  }
}

/**
 * The join form posts here. Only this server's own page may post it, like every form here
 * (session/same-origin.ts). A refusal answers 400 with the form as it was typed and the reason
 * next to its field; a join answers 303 to the page that shows the new credentials once, with
 * the new session's cookie, so that reloading it never joins twice.
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) {
    return messagePage({ status: 403, title: "Joining refused", message: "This join form was sent from another site.", link: backToForm });
  }
  try {
    const room = await findRoom();
    if (!room) return noWorkshopPage();
    const form = joinFormOf(await readFormParameters(request));
    const joined = await joinWorkshop(room, form, clientAddress(request));
    switch (joined.outcome) {
      case "throttled":
        return throttled(joined.retryAfterSeconds);
      case "refused":
        return joinFormPage({ status: 400, form, error: { field: joined.field, message: joined.message } });
      case "joined":
        return new Response(null, {
          status: 303,
          headers: { Location: `/workshop/join/welcome/${joined.credentialsPageId}`, "Set-Cookie": joined.sessionCookie, "Cache-Control": "no-store" },
        });
    }
  } catch (error) {
    return failure(error);
  }
}

/** The fields as typed; one sent twice or too long counts as not sent. */
function joinFormOf(form: RequestParameters): JoinForm {
  return { code: form.getIfValid("code") ?? "", display_name: form.getIfValid("display_name") ?? "", port: form.getIfValid("port") ?? "" };
}

function failure(error: unknown): Response {
  const oauthError = asOAuthError(error, "workshop join");
  if (oauthError.status >= 500) return serverFailurePage(oauthError, backToForm);
  return messagePage({ status: 400, title: "The join form could not be read", message: oauthError.description, link: backToForm });
}
