import { messagePage } from "@/html/message-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { RegistrationError } from "@/oauth/registration/errors";
import { clientMetadataOf, refusedRegistrationQuery, registrationFormError, registrationFormValues } from "@/oauth/registration/form";
import { checkInitialAccessToken } from "@/oauth/registration/initial-access-token";
import { putRegistrationResult } from "@/oauth/registration/one-time-results";
import { registerClient } from "@/oauth/registration/register-client";
import { asOAuthError } from "@/oauth/responses";
import { isSameOriginPost } from "@/session/same-origin";

const backToForm = { href: "/developers", text: "Back to the Developers page" };

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The Developers page's form posts here, and the client is registered by the same
 * `registerClient` as POST /register, with the same initial access token when the server
 * requires one. Only this server's own pages may post it, so that another site cannot register
 * clients through a visitor's browser.
 *
 * Both outcomes answer with a 303, so that reloading the next page never posts the form again:
 * to the new client's page, which shows its secret once, or back to the form with the error.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) {
    return messagePage({
      status: 403,
      title: "Registration refused",
      message: "This registration form was sent from another site.",
      link: backToForm,
    });
  }
  try {
    return await register(await readFormParameters(request));
  } catch (error) {
    const oauthError = asOAuthError(error, "developers page");
    if (oauthError.status >= 500) return serverFailurePage(oauthError, backToForm);
    return messagePage({ status: 400, title: "The client could not be registered", message: oauthError.description, link: backToForm });
  }
}

async function register(form: RequestParameters): Promise<Response> {
  const values = registrationFormValues(form);
  try {
    checkInitialAccessToken(form.getIfValid("initial_access_token"));
    const client = await registerClient(clientMetadataOf(values), "the client itself");
    return seeOther(`/developers/registered/${await putRegistrationResult(client)}`);
  } catch (error) {
    if (!(error instanceof RegistrationError)) throw error;
    return seeOther(`/developers?${refusedRegistrationQuery(values, registrationFormError(error))}`);
  }
}
