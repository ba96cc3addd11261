import type { OAuthError } from "@/oauth/errors";
import { messagePage } from "./message-page.ts";

/**
 * The page shown instead of an error redirect to a client that registered itself: this server
 * does not lend its name to a redirect it cannot vouch for, and leaves the choice to the user
 * (RFC 9700 §4.11.2).
 */
export function untrustedRedirectPage(clientName: string, error: OAuthError, location: string): Response {
  const host = new URL(location).host;
  return messagePage({
    status: 400,
    title: "This request cannot be completed",
    message: `"${clientName}" sent a request PhotoCloud cannot complete. "${clientName}" registered itself and has not been reviewed by PhotoCloud, so PhotoCloud will not send you to ${host} by itself. Go there only if you know that address.`,
    detail: `${error.code}: ${error.description}`,
    link: { href: location, text: `Continue to ${host}` },
    headers: { "Referrer-Policy": "no-referrer" },
  });
}
