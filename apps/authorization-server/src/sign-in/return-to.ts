import { env } from "@/env";
import { queryParameters } from "@/oauth/parameters";

/** Whether the query of `url` decodes the way this server reads every query (oauth/parameters.ts). */
function hasReadableQuery(url: URL): boolean {
  try {
    queryParameters(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where to go after signing in: a path on this server only, so the sign-in form cannot be used to
 * send a user to another site (an open redirector, RFC 6749 §10.15, RFC 9700 §4.11). The value is
 * resolved the way a browser would resolve it; a result that is not on this origin, whose path
 * would read as another host (`//evil.example`, reached through dot segments or backslashes), or
 * whose query does not decode (the authorization request it carries could not be read), falls
 * back to the home page. A path that does not decode is refused by the request guard of proxy.ts.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  const base = new URL(env.ISSUER);
  const target = new URL(value, base);
  if (target.origin !== base.origin || target.pathname.startsWith("//") || !hasReadableQuery(target)) return "/";
  return target.pathname + target.search;
}
