import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { problemPageForAuthorizationError } from "@/auth/authorization-error";
import { refuseMalformed } from "@/auth/malformed-request";
import { answerCallback } from "@/auth/callback-check";
import { authOptions } from "@/auth/options";
import { checksCallbackBinding, signInProviderOfCallback } from "@/auth/provider";
import { recordCallback } from "@/inspector";

const nextAuth = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes: sign-in, the OAuth callback (steps 3 to 7), sign-out. Before next-auth sees
 * a request, malformed ones are refused, and PhotoCloud's authorization errors go to PrintShop's
 * problem page as they are. A callback is recorded for the inspector, with whether it belonged to
 * a sign-in this browser started (src/auth/callback-check.ts).
 */
async function GET(request: NextRequest, context: Context) {
  const answered =
    (await refuseMalformed(request, (await context.params).nextauth)) ?? problemPageForAuthorizationError(request.nextUrl);
  if (answered) return answered;
  const provider = signInProviderOfCallback(request.nextUrl.pathname);
  if (!provider) return nextAuth(request, context);
  const { response, checks } = await answerCallback(checksCallbackBinding(provider), () => nextAuth(request, context));
  await recordCallback(request, response, checks);
  return response;
}

async function POST(request: NextRequest, context: Context) {
  return (await refuseMalformed(request, (await context.params).nextauth)) ?? nextAuth(request, context);
}

export { GET, POST };
