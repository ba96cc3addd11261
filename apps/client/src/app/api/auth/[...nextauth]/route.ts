import NextAuth from "next-auth";
import { authOptions } from "@/auth/options";
import { env } from "@/env";
import { recordCallback } from "@/inspector";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth's routes: sign-in, the OAuth callback (steps 3 to 7), sign-out.
 *
 * One addition: next-auth reports every authorization error as a generic "Callback" failure.
 * When PhotoCloud answers with an RFC 6749 §4.1.2.1 error, such as `access_denied` after the user
 * chose Deny, PrintShop shows it as it is. The error is from our issuer only (RFC 9207).
 */
async function GET(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const url = new URL(request.url);
  const error = url.searchParams.get("error");
  const isCallback = url.pathname === "/api/auth/callback/authorization-server";
  if (isCallback && error && url.searchParams.get("iss") === env.AUTHORIZATION_SERVER_ISSUER) {
    const problem = new URL("/sign-in/problem", env.CLIENT_APP_URL);
    problem.searchParams.set("error", error);
    const description = url.searchParams.get("error_description");
    if (description) problem.searchParams.set("error_description", description);
    return Response.redirect(problem, 303);
  }
  const response = await nextAuth(request, context);
  if (isCallback) await recordCallback(request, response);
  return response;
}

export { GET, nextAuth as POST };
