// Requests to next-auth's routes that next-auth itself would answer with a 500, refused here with
// a 4xx that says what was wrong. Each case was found by the fuzzer (e2e/tests/stress/fuzz.spec.ts).
import type { NextRequest } from "next/server";
import { isOnThisSite } from "./callback-url.ts";
import { printShopCookies } from "./cookies.ts";

const callbackCookieName = printShopCookies.callbackUrl!.name;

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
function callbackUrls(request: NextRequest, body: string | null): string[] {
  const urls = request.nextUrl.searchParams.getAll("callbackUrl");
  const form = request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded");
  if (body !== null && form) urls.push(...new URLSearchParams(body).getAll("callbackUrl"));
  return urls;
}

/**
 * The answer to a request next-auth would fail on, or null to let next-auth answer it:
 * - a path it does not know (404);
 * - an error name it would copy unencoded into a `Location` header;
 * - a callbackUrl, in the query, the form or its cookie, that is not on this site (its default
 *   check throws on what is not a URL); a bad cookie is also cleared, or every later request
 *   would fail the same way;
 * - a POSTed JSON body that is not JSON. (next-auth's own browser code sends GETs with a JSON
 *   content type and no body; those are fine.)
 */
export async function refuseMalformed(request: NextRequest, segments: string[]): Promise<Response | null> {
  if (!isNextAuthPath(segments)) {
    return Response.json({ error: "not_found", error_description: "There is no such sign-in page." }, { status: 404 });
  }
  if (segments[0] === "error" && !request.nextUrl.searchParams.getAll("error").every((name) => /^[\w-]*$/.test(name))) {
    return badRequest("The error name must be letters, digits, _ and - only.");
  }
  const body = request.method === "POST" ? await request.clone().text() : null;
  if (!callbackUrls(request, body).every(isOnThisSite)) return badRequest("The callbackUrl must be on this site.");
  const cookie = request.cookies.get(callbackCookieName)?.value;
  if (cookie !== undefined && !isOnThisSite(cookie)) {
    const response = badRequest("The callback-url cookie held an address off this site. It has been cleared; try again.");
    response.headers.set("Set-Cookie", `${callbackCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return response;
  }
  const json = request.headers.get("content-type")?.toLowerCase().startsWith("application/json");
  if (body !== null && json && !isJson(body)) return badRequest("The body is not valid JSON.");
  return null;
}
