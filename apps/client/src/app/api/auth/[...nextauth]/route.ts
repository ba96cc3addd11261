import NextAuth from "next-auth";
import { authOptions } from "@/auth/options";
import { env } from "@/env";
import { recordCallback } from "@/inspector";

const nextAuth = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

function badRequest(description: string): Response {
  return Response.json({ error: "invalid_request", error_description: description }, { status: 400 });
}

/** A path of this site (`/photos`), or an absolute URL on it: what next-auth accepts. */
function isOnThisSite(url: string): boolean {
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  try {
    return new URL(url).origin === new URL(env.CLIENT_APP_URL).origin;
  } catch {
    return false;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Requests next-auth would answer with a 500 "configuration" error, answered with a 400 instead:
 * a callbackUrl that is not on this site, or a POSTed JSON body that is not JSON. (next-auth's
 * own browser code sends GETs with a JSON content type and no body; those are fine.)
 */
async function malformed(request: Request): Promise<Response | null> {
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isOnThisSite(callbackUrl)) return badRequest("The callbackUrl must be on this site.");
  const json = request.headers.get("content-type")?.toLowerCase().startsWith("application/json");
  if (request.method === "POST" && json && !isJson(await request.clone().text())) return badRequest("The body is not valid JSON.");
  return null;
}

/**
 * next-auth's routes: sign-in, the OAuth callback (steps 3 to 7), sign-out.
 *
 * One addition: next-auth reports every authorization error as a generic "Callback" failure.
 * When PhotoCloud answers with an RFC 6749 §4.1.2.1 error, such as `access_denied` after the user
 * chose Deny, PrintShop shows it as it is. The error is from our issuer only (RFC 9207).
 */
async function GET(request: Request, context: Context) {
  const refused = await malformed(request);
  if (refused) return refused;
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

async function POST(request: Request, context: Context) {
  return (await malformed(request)) ?? nextAuth(request, context);
}

export { GET, POST };
