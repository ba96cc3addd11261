import { messagePage } from "@/html/message-page";
import { serverFailurePage } from "@/html/server-failure-page";
import { readFormParameters } from "@/oauth/parameters";
import { asOAuthError } from "@/oauth/responses";
import { isSameOriginPost } from "@/session/same-origin";
import { findSignedInUser, isValidCsrfToken } from "@/session/session";
import { disconnectApp } from "@/storage/grants";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The user takes access back from a client: its grants are revoked, with every token issued under
 * them, and its consent is forgotten. The client's next refresh fails.
 */
export async function POST(request: Request) {
  try {
    return await disconnect(request);
  } catch (error) {
    return serverFailurePage(asOAuthError(error, "connected apps"), { href: "/connected-apps", text: "Back to connected apps" });
  }
}

async function disconnect(request: Request): Promise<Response> {
  const user = await findSignedInUser(request.headers.get("cookie"));
  if (!user) return seeOther("/sign-in?return_to=%2Fconnected-apps");
  const form = isSameOriginPost(request) ? await readFormParameters(request).catch(() => null) : null;
  const clientId = form?.getIfValid("client_id");
  if (!form || !clientId || !isValidCsrfToken(user, form.getIfValid("csrf_token"))) {
    return messagePage({
      status: 403,
      title: "Nothing was changed",
      message: "This form has expired or did not come from this site. Reload the page and try again.",
      link: { href: "/connected-apps", text: "Back to connected apps" },
    });
  }
  await disconnectApp(user.id, clientId);
  return seeOther(`/connected-apps?removed=${encodeURIComponent(clientId)}`);
}
