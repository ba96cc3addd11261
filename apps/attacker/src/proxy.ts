import { guardRequest } from "@seven-steps/config/request-guard";
import { contentSecurityPolicy } from "@seven-steps/config/security-headers";
import { NextResponse } from "next/server";
import { env, isDevelopment } from "@/env";

/**
 * Mallory's headers, set at run time because they name the other apps' origins. Her pages may
 * frame PhotoCloud's (the clickjacking card: whether the browser lets them is PhotoCloud's
 * decision, not hers), and nothing may frame hers.
 */
const policy = contentSecurityPolicy({ development: isDevelopment }).replace(
  "default-src 'self'",
  `default-src 'self'; frame-src ${new URL(env.ISSUER).origin} ${new URL(env.CLIENT_APP_URL).origin}`,
);

/**
 * The pages under /mallory/ are the ones she pushes into alice's browser. They hand their own
 * address, run id included, to whatever alice's browser requests next (`unsafe-url`), which is how
 * the inspector tells her messages apart (packages/inspector). A real attacker would hide instead.
 */
function referrerPolicyOf(pathname: string): string {
  return pathname.startsWith("/mallory/") ? "unsafe-url" : "no-referrer";
}

export async function proxy(request: Request) {
  const response = (await guardRequest(request)) ?? NextResponse.next();
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", referrerPolicyOf(new URL(request.url).pathname));
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
