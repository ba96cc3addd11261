import { guardRequest } from "@seven-steps/config/request-guard";
import { NextResponse } from "next/server";

/** Malformed requests Next.js would answer with a 500 get their 4xx here, before routing. */
export async function proxy(request: Request) {
  return (await guardRequest(request)) ?? NextResponse.next();
}

export const config = {
  // Every page and route but Next.js's static files, and two route handlers with fixed paths that
  // check their own input: the token endpoint (form bodies only, its own 400s, Next.js's 405 for
  // other methods) and the health check. Running a proxy at all costs about a fifth of a request
  // in Next.js (`npm run bench`), and the token endpoint is the hottest path of this server. The
  // fuzzer (e2e/tests/stress/fuzz.spec.ts) covers both without it.
  matcher: ["/((?!_next/static|_next/image|token$|health$).*)"],
};
