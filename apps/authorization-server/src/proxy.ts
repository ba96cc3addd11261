import { guardRequest } from "@seven-steps/config/request-guard";
import { NextResponse } from "next/server";

/** Malformed requests Next.js would answer with a 500 get their 4xx here, before routing. */
export async function proxy(request: Request) {
  return (await guardRequest(request)) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
