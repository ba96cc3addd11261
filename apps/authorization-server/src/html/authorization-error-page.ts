import type { OAuthError } from "@/oauth/errors";
import { messagePage } from "./message-page.ts";

/**
 * The page shown when an authorization request names an unknown client or a redirect URI that is
 * not registered. The server must not redirect then, or anyone could use it to send users to any
 * address (RFC 6749 §4.1.2.1, RFC 9700 §4.11).
 */
export function authorizationErrorPage(error: OAuthError): Response {
  return messagePage({
    status: 400,
    title: "This sign-in request cannot be completed",
    message:
      "The application that sent you here made a request this server cannot trust, so it will not send you back to it. Return to the application and try again, or tell its developers.",
    detail: `${error.code}: ${error.description}`,
  });
}
