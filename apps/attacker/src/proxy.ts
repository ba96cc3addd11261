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
 * Mallory's Accounts, her authorization server for the mix-up card, forwards alice's browser to
 * PhotoCloud: the run id of the page alice came from (alice's app) goes along, so that PhotoCloud's
 * records join the run. They stay alice's messages: no Referer under /mallory/.
 */
const mallorysAccountsPath = "/mallory-accounts/";

/**
 * The pages under /mallory/ are the ones she pushes into alice's browser. They hand their own
 * address, run id included, to whatever alice's browser requests next (`unsafe-url`), which is how
 * the inspector tells her messages apart (packages/inspector). A real attacker would hide instead.
 */
function referrerPolicyOf(pathname: string): string {
  return pathname.startsWith("/mallory/") || pathname.startsWith(mallorysAccountsPath) ? "unsafe-url" : "no-referrer";
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
