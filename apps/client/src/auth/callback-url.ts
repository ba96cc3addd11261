// Where next-auth may send the user after signing in or out. It takes the address from a
// `callbackUrl` in the query, in a form body or in its cookie: all three come from the browser,
// so all three are checked, and only addresses on this site are followed (an open redirect
// otherwise; RFC 9700 §4.11).
import { env } from "@/env";

/** A path of this site (`/photos`), or an absolute URL on it. */
export function isOnThisSite(url: string): boolean {
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  try {
    return new URL(url).origin === new URL(env.CLIENT_APP_URL).origin;
  } catch {
    return false;
  }
}

/**
 * next-auth's `redirect` callback: the address if it is on this site, the home page otherwise.
 * Unlike next-auth's default, it never throws on an address that is not a URL.
 */
export function redirectOnThisSite({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (!isOnThisSite(url)) return baseUrl;
  return url.startsWith("/") ? `${baseUrl}${url}` : url;
}
