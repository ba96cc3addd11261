import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { problemPageForAuthorizationError } from "@/auth/authorization-error";
import { refuseMalformed } from "@/auth/malformed-request";
import { authOptions } from "@/auth/options";
import { recordCallback } from "@/inspector";

const nextAuth = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes: sign-in, the OAuth callback (steps 3 to 7), sign-out. Before next-auth sees
 * a request, malformed ones are refused, and PhotoCloud's authorization errors go to PrintShop's
 * problem page as they are.
 */
async function GET(request: NextRequest, context: Context) {
  const answered =
    (await refuseMalformed(request, (await context.params).nextauth)) ?? problemPageForAuthorizationError(request.nextUrl);
  if (answered) return answered;
  const response = await nextAuth(request, context);
  if (request.nextUrl.pathname === "/api/auth/callback/authorization-server") await recordCallback(request, response);
  return response;
}

async function POST(request: NextRequest, context: Context) {
  return (await refuseMalformed(request, (await context.params).nextauth)) ?? nextAuth(request, context);
}

export { GET, POST };
