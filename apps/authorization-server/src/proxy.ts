import { guardRequest } from "@seven-steps/config/request-guard";
import { CheckTrail } from "@seven-steps/protocol";
import { NextResponse } from "next/server";
import { consentPageHeaders, isAskedForInAFrame } from "@/consent/framing";
import { recordFramedConsentPage } from "@/inspector";
import { findClient } from "@/storage/clients";

/**
 * Malformed requests Next.js would answer with a 500 get their 4xx here, before routing. The
 * consent page gets its security headers here (see src/consent/framing.ts).
 */
export async function proxy(request: Request) {
  const refused = await guardRequest(request);
  if (refused) return refused;
  if (new URL(request.url).pathname === "/consent") return consentPage(request);
  return NextResponse.next();
}

/** The consent page's headers, which depend on its client; a request for it inside a frame is recorded. */
async function consentPage(request: Request): Promise<Response> {
  const clientId = new URL(request.url).searchParams.get("client_id");
  // A client that cannot be read gets the headers of every page: nothing may frame it.
  const client = clientId ? await findClient(clientId).catch(() => null) : null;
  const trail = new CheckTrail();
  const response = NextResponse.next();
  for (const { key, value } of consentPageHeaders(request, client, trail)) response.headers.set(key, value);
  if (isAskedForInAFrame(request)) await recordFramedConsentPage(request, response, trail);
  return response;
}

export const config = {
  // Every page and route but Next.js's static files, and two route handlers with fixed paths that
  // check their own input: the token endpoint (form bodies only, its own 400s, Next.js's 405 for
  // other methods) and the health check. Running a proxy at all costs about a fifth of a request
  // in Next.js (`npm run bench`), and the token endpoint is the hottest path of this server. The
  // fuzzer (e2e/tests/stress/fuzz.spec.ts) covers both without it.
  matcher: ["/((?!_next/static|_next/image|token$|health$).*)"],
};
