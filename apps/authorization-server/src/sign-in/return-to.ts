import { env } from "@/env";

/** Whether every percent-encoding in `text` decodes to UTF-8. */
function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
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
 * whose percent-encoding does not decode (no page here could read it), falls back to the home page.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  const base = new URL(env.ISSUER);
  const target = new URL(value, base);
  if (target.origin !== base.origin || target.pathname.startsWith("//")) return "/";
  if (!decodes(target.pathname) || !decodes(target.search)) return "/";
  return target.pathname + target.search;
}
