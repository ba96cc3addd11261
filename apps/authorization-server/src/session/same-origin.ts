import { rfcSection, type Check } from "@seven-steps/protocol";
import { env } from "@/env";

/** {@link isSameOriginPost}, described for the inspector. */
export const sameOriginForm: Check = {
  checkedBy: "authorization-server",
  rule: "the form was posted from one of this server's own pages (Sec-Fetch-Site, or Origin)",
  why: "Another site must not be able to sign the user in to an account of its choosing, or post a decision for them.",
  see: rfcSection(6749, "10.12"),
  source: "apps/authorization-server/src/session/same-origin.ts",
};

/**
 * Whether a form POST came from one of this server's own pages. This stops login CSRF on the
 * sign-in form, which has no session yet to hold a CSRF token (RFC 6749 §10.12).
 *
 * Browsers say where a request comes from in `Sec-Fetch-Site` (Fetch Metadata); it must be
 * `same-origin`. Older browsers send only `Origin`, which must then be this server's. The pages
 * here send no referrer, so a browser may send `Origin: null` even for our own forms: that is why
 * `Sec-Fetch-Site` is asked first. A request with neither header does not come from a browser form.
 *
 * @see https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(env.ISSUER).origin;
}
