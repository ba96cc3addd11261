import { CheckTrail, isScopeSubset } from "@seven-steps/protocol";
import { authorizationErrorPage } from "@/html/authorization-error-page";
import { recordAuthorizationRequest } from "@/inspector";
import { serverFailurePage } from "@/html/server-failure-page";
import { issueAuthorizationCode } from "@/oauth/authorization-request/issue-code";
import { validateAuthorizationRequest } from "@/oauth/authorization-request/validate";
import { readAuthorizationRequest, spendPushedRequest } from "@/oauth/pushed-authorization-request/by-reference";
import { answerAuthorizationError } from "@/oauth/authorization-error";
import { asOAuthError, redirectToClient } from "@/oauth/responses";
import { queryParameters } from "@/oauth/parameters";
import { findSignedInUser, type SignedInUser } from "@/session/session";
import { findConsentedScopes } from "@/storage/consents";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The authorization endpoint, step 1. A valid request goes on to sign-in (step 2), to consent
 * when the user has not yet allowed these scopes, and ends with a code (step 3). The request
 * comes in the query, or by reference to one the client pushed (`client_id` and `request_uri`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export async function GET(request: Request) {
  const trail = new CheckTrail();
  const { response, user } = await answerAuthorizationRequest(request, trail);
  await recordAuthorizationRequest(request, response, user?.id, trail);
  return response;
}

async function answerAuthorizationRequest(request: Request, trail: CheckTrail): Promise<{ response: Response; user?: SignedInUser }> {
  try {
    const url = new URL(request.url);
    const incoming = await readAuthorizationRequest(queryParameters(url), trail);
    const validation = await validateAuthorizationRequest(incoming.parameters, trail, { pushed: incoming.pushed !== undefined });
    if (validation.outcome === "show-error") return { response: authorizationErrorPage(validation.error) };

    // RFC 9700 §4.11.2: the user is authenticated before this server redirects anywhere, errors
    // included. Anyone can register a client with a redirect URI of their own (RFC 7591); were an
    // error sent there at once, this server would forward any visitor to any site under its own
    // name. The visitor signs in first and comes back to this same request, which then answers
    // as usual: a valid one goes on, an invalid one sends its error with `state` and `iss` to a
    // client that can now act on it. (The other choice, an error page, would leave that client
    // without an answer.) A client that registered itself gets no such redirect by itself: the
    // user is told, and chooses (oauth/authorization-error.ts).
    const user = await findSignedInUser(request.headers.get("cookie"));
    if (!user) return { response: seeOther(`/sign-in?return_to=${encodeURIComponent(url.pathname + url.search)}`) };

    if (validation.outcome === "redirect-error") {
      await spendPushedRequest(incoming, trail);
      return { response: answerAuthorizationError(validation, trail), user };
    }
    const authorization = validation.request;
    const consented = await findConsentedScopes(user.id, authorization.client.id);
    if (!isScopeSubset(authorization.scopes, consented)) return { response: seeOther(`/consent${url.search}`), user };

    await spendPushedRequest(incoming, trail);
    const code = await issueAuthorizationCode(authorization, user);
    return { response: redirectToClient(authorization.redirectUri, { code, state: authorization.state }), user };
  } catch (error) {
    const oauthError = asOAuthError(error, "authorization endpoint");
    if (oauthError.status >= 500) return { response: serverFailurePage(oauthError) };
    return { response: authorizationErrorPage(oauthError) };
  }
}
