import { env } from "@/env";

/**
 * Where to go after signing in: a path on this server only, so the sign-in form cannot be used to
 * send a user to another site (an open redirector). Anything else falls back to the home page.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  const base = new URL(env.ISSUER);
  const target = new URL(value, base);
  return target.origin === base.origin ? target.pathname + target.search : "/";
}
