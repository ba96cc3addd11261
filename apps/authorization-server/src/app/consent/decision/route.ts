import { CheckTrail } from "@seven-steps/protocol";
import { authorizationErrorPage } from "@/html/authorization-error-page";
import { messagePage } from "@/html/message-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { recordConsentDecision } from "@/inspector";
import { issueAuthorizationCode } from "@/oauth/authorization-request/issue-code";
import { authorizationRequestQuery } from "@/oauth/authorization-request/request-query";
import { validateAuthorizationRequest } from "@/oauth/authorization-request/validate";
import { readAuthorizationRequest, spendPushedRequest } from "@/oauth/pushed-authorization-request/by-reference";
import { AccessDenied, InvalidRequestUri } from "@/oauth/errors";
import { readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { answerAuthorizationError } from "@/oauth/authorization-error";
import { asOAuthError, redirectErrorToClient, redirectToClient } from "@/oauth/responses";
import { isSameOriginPost, sameOriginForm } from "@/session/same-origin";
import { csrfTokenOfSession, findSignedInUser, isValidCsrfToken, type SignedInUser } from "@/session/session";
import { rememberConsent } from "@/storage/consents";

function refused(message: string): Response {
  return messagePage({ status: 403, title: "This decision was not accepted", message, link: { href: "/", text: "Home" } });
}

/**
 * Step 2, what the user allows: the consent form posts Allow or Deny here. The authorization
 * request travels in the form, or by reference for a pushed one, and is validated again, exactly
 * as at `/authorize`. Allow issues the code (step 3); Deny sends `access_denied` back to the
 * client. Either answer spends a pushed request.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export async function POST(request: Request) {
  const form = isSameOriginPost(request) ? await readFormParameters(request).catch(() => null) : null;
  const trail = new CheckTrail();
  const { response, userId } = await decide(request, form, trail);
  if (form) await recordConsentDecision(request, form, response, userId, trail);
  return response;
}

async function decide(request: Request, form: RequestParameters | null, trail: CheckTrail): Promise<{ response: Response; userId?: string }> {
  try {
    if (!trail.holds(sameOriginForm, isSameOriginPost(request), "the form came from another site")) {
      return { response: refused("The consent form was sent from another site.") };
    }
    if (!form) return { response: messagePage({ status: 400, title: "This decision could not be read", message: "The form was malformed." }) };
    const user = await findSignedInUser(request.headers.get("cookie"));
    if (!user) {
      const returnTo = `/authorize?${authorizationRequestQuery(form)}`;
      return {
        response: new Response(null, {
          status: 303,
          headers: { Location: `/sign-in?return_to=${encodeURIComponent(returnTo)}`, "Cache-Control": "no-store" },
        }),
      };
    }
    return { response: await decideAs(user, form, trail), userId: user.id };
  } catch (error) {
    const oauthError = asOAuthError(error, "consent");
    if (oauthError.status >= 500) return { response: serverFailurePage(oauthError) };
    // A pushed request that is gone is shown as at /authorize, never redirected (by-reference.ts).
    if (oauthError instanceof InvalidRequestUri) return { response: authorizationErrorPage(oauthError) };
    return { response: messagePage({ status: 400, title: "This decision could not be read", message: oauthError.description }) };
  }
}

/** The signed-in user's decision, on the request the form carries, validated again. */
async function decideAs(user: SignedInUser, form: RequestParameters, trail: CheckTrail): Promise<Response> {
  if (!trail.holds(csrfTokenOfSession, isValidCsrfToken(user, form.getIfValid("csrf_token")), "the csrf_token is missing or not this session's")) {
    return refused("The consent form has expired or did not come from this site. Go back to the application and start again.");
  }

  const incoming = await readAuthorizationRequest(form, trail);
  const validation = await validateAuthorizationRequest(incoming.parameters, trail, { pushed: incoming.pushed !== undefined });
  if (validation.outcome === "show-error") return authorizationErrorPage(validation.error);
  if (validation.outcome === "redirect-error") {
    await spendPushedRequest(incoming, trail);
    return answerAuthorizationError(validation, trail);
  }
  const authorization = validation.request;

  switch (form.getIfValid("decision")) {
    case "deny":
      await spendPushedRequest(incoming, trail);
      return redirectErrorToClient(authorization.redirectUri, new AccessDenied("The user denied the request."), authorization.state);
    case "allow": {
      await rememberConsent(user.id, authorization.client.id, authorization.scopes);
      await spendPushedRequest(incoming, trail);
      const code = await issueAuthorizationCode(authorization, user);
      return redirectToClient(authorization.redirectUri, { code, state: authorization.state });
    }
    default:
      return messagePage({ status: 400, title: "No decision", message: "Choose Allow or Deny." });
  }
}
