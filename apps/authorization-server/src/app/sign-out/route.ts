import { messagePage } from "@/html/message-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { readFormParameters } from "@/oauth/parameters";
import { asOAuthError } from "@/oauth/responses";
import { expiredSessionCookie } from "@/session/cookie";
import { isSameOriginPost } from "@/session/same-origin";
import { endSession, findSignedInUser, isValidCsrfToken } from "@/session/session";

/** Ends the session at this server: deletes it, and clears the cookie. */
export async function POST(request: Request) {
  try {
    return await signOut(request);
  } catch (error) {
    return serverFailurePage(asOAuthError(error, "sign-out"));
  }
}

async function signOut(request: Request): Promise<Response> {
  const cookieHeader = request.headers.get("cookie");
  const user = await findSignedInUser(cookieHeader);
  if (user) {
    const form = await readFormParameters(request).catch(() => null);
    const csrfToken = form?.getIfValid("csrf_token");
    if (!isSameOriginPost(request) || !isValidCsrfToken(user, csrfToken)) {
      return messagePage({
        status: 403,
        title: "Sign-out refused",
        message: "This sign-out form did not come from this site, or it has expired. Reload the page and try again.",
      });
    }
    await endSession(cookieHeader);
  }
  return new Response(null, {
    status: 303,
    headers: { Location: "/", "Set-Cookie": expiredSessionCookie(), "Cache-Control": "no-store" },
  });
}
