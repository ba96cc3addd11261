import { env } from "@/env";

/**
 * Whether a form POST came from one of this server's own pages. Browsers send `Origin` with every
 * cross-origin POST, so a foreign or opaque ("null") origin is refused; a request without `Origin`
 * does not come from a browser form. This stops login CSRF on the sign-in form, which has no
 * session yet to hold a CSRF token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(env.ISSUER).origin;
}
