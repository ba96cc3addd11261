import { env } from "@/env";

/**
 * The sign-in cookie of the authorization server. Browsers share cookies between ports on one
 * host, so it has a name no other app here uses. HttpOnly keeps it from page scripts; SameSite=Lax
 * keeps it off cross-site POSTs, and still sends it on the top-level redirect from the client.
 */
export const sessionCookieName = "photocloud_session";

const secure = env.ISSUER.startsWith("https://");

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return [
    `${sessionCookieName}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function expiredSessionCookie(): string {
  return sessionCookie("", 0);
}

/** The session token from a Cookie header, if there is one. */
export function readSessionToken(cookieHeader: string | null): string | undefined {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name === sessionCookieName) return value.join("=") || undefined;
  }
  return undefined;
}
