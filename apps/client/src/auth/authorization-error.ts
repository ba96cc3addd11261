import { env } from "@/env";

/**
 * next-auth reports every authorization error as a generic "Callback" failure. When PhotoCloud
 * answers at PrintShop's callback with an RFC 6749 §4.1.2.1 error, such as `access_denied` after
 * the user chose Deny, PrintShop shows it as it is, on its problem page; only when the answer
 * names our issuer (RFC 9207). Null for any other request.
 */
export function problemPageForAuthorizationError(url: URL): Response | null {
  const error = url.searchParams.get("error");
  const isCallback = url.pathname === "/api/auth/callback/authorization-server";
  if (!isCallback || !error || url.searchParams.get("iss") !== env.AUTHORIZATION_SERVER_ISSUER) return null;
  const problem = new URL("/sign-in/problem", env.CLIENT_APP_URL);
  problem.searchParams.set("error", error);
  const description = url.searchParams.get("error_description");
  if (description) problem.searchParams.set("error_description", description);
  return Response.redirect(problem, 303);
}
