import { CheckTrail } from "@seven-steps/protocol";
import { messagePage } from "@/html/message-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { recordSignIn } from "@/inspector";
import { readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { asOAuthError } from "@/oauth/responses";
import { isSameOriginPost, sameOriginForm } from "@/session/same-origin";
import { startSession } from "@/session/session";
import { safeReturnTo } from "@/sign-in/return-to";
import { signInWithPassword } from "@/sign-in/sign-in-with-password";
import { clientAddress } from "@seven-steps/config/client-address";

function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...headers } });
}

function backToForm(error: string, returnTo: string): Response {
  return seeOther(`/sign-in?error=${error}&return_to=${encodeURIComponent(returnTo)}`);
}

/**
 * Step 2, who the user is: the sign-in form posts the credentials here, and only here. Success
 * and failure both answer with a 303, so that reloading the next page never posts the password
 * again.
 */
export async function POST(request: Request) {
  const form = isSameOriginPost(request) ? await readFormParameters(request).catch(() => null) : null;
  const trail = new CheckTrail();
  const { response, userId } = await signIn(request, form, trail).catch((error: unknown) => ({
    response: serverFailurePage(asOAuthError(error, "sign-in")),
    userId: undefined,
  }));
  if (form) await recordSignIn(request, form, response, userId, trail);
  return response;
}

async function signIn(request: Request, form: RequestParameters | null, trail: CheckTrail): Promise<{ response: Response; userId?: string }> {
  if (!trail.holds(sameOriginForm, isSameOriginPost(request), "the form came from another site")) {
    return { response: messagePage({ status: 403, title: "Sign-in refused", message: "This sign-in form was sent from another site." }) };
  }
  if (!form) return { response: backToForm("missing", "/") };
  const returnTo = safeReturnTo(form.getIfValid("return_to"));
  const username = form.getIfValid("username");
  const password = form.getIfValid("password");
  if (!username || !password) return { response: backToForm("missing", returnTo) };

  const result = await signInWithPassword(username, password, clientAddress(request), trail);
  switch (result.outcome) {
    case "throttled":
      return {
        response: messagePage({
          status: 429,
          title: "Too many failed sign-ins",
          message: `Sign-in is paused for this account after several failed attempts. Try again in ${result.retryAfterSeconds} seconds.`,
          link: { href: `/sign-in?return_to=${encodeURIComponent(returnTo)}`, text: "Back to sign-in" },
          headers: { "Retry-After": String(result.retryAfterSeconds) },
        }),
      };
    case "invalid-credentials":
      return { response: backToForm("invalid", returnTo) };
    case "signed-in":
      return { response: seeOther(returnTo, { "Set-Cookie": await startSession(result.userId) }), userId: result.userId };
  }
}
