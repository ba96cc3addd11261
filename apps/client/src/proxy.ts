import { guardRequest } from "@seven-steps/config/request-guard";
import { securityHeaders } from "@seven-steps/config/security-headers";
import { NextResponse } from "next/server";
import { env, isDevelopment } from "@/env";

/**
 * PrintShop's security headers, set on every response. Unlike the other two apps, its policy
 * depends on configuration: the step-through lab's scripts call the authorization server and the
 * PhotoCloud API, wherever they are configured to be.
 */
const headers = securityHeaders({
  development: isDevelopment,
  connectSources: [
    new URL(env.AUTHORIZATION_SERVER_ISSUER).origin,
    new URL(env.RESOURCE_API_URL).origin,
    // Mallory's Accounts, while the attack lab may switch defences off: alice's app (the weak demo
    // client) knows it as a second authorization server, and, its iss check switched off for the
    // mix-up card, sends it PhotoCloud's code. With the check on, it never gets that far.
    ...(env.ATTACK_LAB_WEAKENING ? [new URL(env.ATTACKER_URL).origin] : []),
  ],
});

/** Malformed requests Next.js would answer with a 500 get their 4xx first; every answer gets the headers. */
export async function proxy(request: Request) {
  const response = (await guardRequest(request)) ?? NextResponse.next();
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

export const config = {
  // Every page and route, but not Next.js's own static files.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
