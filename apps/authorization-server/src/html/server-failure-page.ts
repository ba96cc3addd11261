import { type OAuthError, TemporarilyUnavailable } from "@/oauth/errors";
import { messagePage } from "./message-page.ts";

/**
 * The page for a request a person sent (the authorization request, sign-in, consent, the
 * Developers page) that failed on this server's side rather than for anything in the request:
 * 503 with `Retry-After` while the database is unavailable, since the same request will succeed
 * once it is back; 500 for anything else, a bug. Neither shows internals: `asOAuthError` has
 * already logged them and given a description fit for the user.
 *
 * The authorization endpoint answers a browser here rather than redirecting
 * `temporarily_unavailable` to the client (RFC 6749 §4.1.2.1): without its database this server
 * cannot check the client, its redirect URI or the user, and redirecting unchecked would make it
 * an open redirector (RFC 9700 §4.11.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */
export function serverFailurePage(error: OAuthError, link?: { href: string; text: string }): Response {
  if (error instanceof TemporarilyUnavailable) {
    return messagePage({
      status: 503,
      title: "PhotoCloud Accounts is briefly unavailable",
      message: "It cannot answer for a moment. Nothing was lost: go back and try again in a few seconds.",
      detail: `${error.code}: ${error.description}`,
      link,
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
  return messagePage({ status: 500, title: "Something went wrong", message: error.description, link });
}
