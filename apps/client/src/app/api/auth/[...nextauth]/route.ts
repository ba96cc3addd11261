import NextAuth from "next-auth";
import { isOnThisSite } from "@/auth/callback-url";
import { printShopCookies } from "@/auth/cookies";
import { authOptions } from "@/auth/options";
import { env } from "@/env";
import { recordCallback } from "@/inspector";

const nextAuth = NextAuth(authOptions);
const callbackCookieName = printShopCookies.callbackUrl!.name;
type Context = { params: Promise<{ nextauth: string[] }> };

function badRequest(description: string): Response {
  return Response.json({ error: "invalid_request", error_description: description }, { status: 400 });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** next-auth's paths: `/api/auth/<action>` or `/api/auth/<action>/<provider>`, in plain ASCII. */
function isNextAuthPath(segments: string[]): boolean {
  return segments.length <= 2 && segments.every((segment) => /^[\w-]+$/.test(segment));
}

/**
 * Every callbackUrl a request sends, in the query or in a form body. All of them: when a name is
 * repeated, next-auth follows the last one.
 */
async function callbackUrls(request: Request): Promise<string[]> {
  const urls = new URL(request.url).searchParams.getAll("callbackUrl");
  const form = request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded");
  if (request.method === "POST" && form) urls.push(...new URLSearchParams(await request.clone().text()).getAll("callbackUrl"));
  return urls;
}

/** The value of next-auth's callback-url cookie, which it would also follow. */
function callbackUrlCookie(request: Request): string | undefined {
  const prefix = `${callbackCookieName}=`;
  const pair = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  return pair === undefined ? undefined : safeDecode(pair.slice(prefix.length));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Requests next-auth would answer with a 500, answered with a 4xx instead: a path it does not
 * know, an error name it would put unencoded in a header, a callbackUrl (in the query, the form or the cookie) that is not on this site, or a POSTed
 * JSON body that is not JSON.
 * (next-auth's own browser code sends GETs with a JSON content type and no body; those are fine.)
 */
async function malformed(request: Request, context: Context): Promise<Response | null> {
  const segments = (await context.params).nextauth;
  if (!isNextAuthPath(segments)) {
    return Response.json({ error: "not_found", error_description: "There is no such sign-in page." }, { status: 404 });
  }
  // next-auth copies the error name of its error page unencoded into a Location header.
  if (segments[0] === "error" && !new URL(request.url).searchParams.getAll("error").every((name) => /^[\w-]*$/.test(name))) {
    return badRequest("The error name must be letters, digits, _ and - only.");
  }
  if (!(await callbackUrls(request)).every(isOnThisSite)) return badRequest("The callbackUrl must be on this site.");
  const cookie = callbackUrlCookie(request);
  if (cookie !== undefined && !isOnThisSite(cookie)) {
    // A forged cookie, or one left by another app: cleared, so that the next attempt works.
    const response = badRequest("The callback-url cookie held an address off this site. It has been cleared; try again.");
    response.headers.set("Set-Cookie", `${callbackCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return response;
  }
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
  const refused = await malformed(request, context);
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
  return (await malformed(request, context)) ?? nextAuth(request, context);
}

export { GET, POST };
