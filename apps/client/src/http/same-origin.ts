import { env } from "@/env";

/**
 * Whether a form POST came from one of PrintShop's own pages (CSRF). Browsers say so in
 * Sec-Fetch-Site; without it, the Origin must be PrintShop's. These pages send no Referer, so a
 * browser may send `Origin: null` for them: Sec-Fetch-Site is asked first.
 *
 * @see https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(env.CLIENT_APP_URL).origin;
}
