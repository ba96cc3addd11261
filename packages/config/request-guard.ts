/**
 * Requests Next.js itself would answer with a 500 or a logged stack, answered here with the 4xx
 * they deserve. Each app's proxy.ts calls it first. Found by the fuzzer in
 * e2e/tests/stress/fuzz.spec.ts.
 *
 * No page of these apps has a server action: every form posts to a route handler of its own, as
 * application/x-www-form-urlencoded, and every API takes JSON or a form. Next.js treats any
 * multipart post, and any request with a `Next-Action` header, as a possible server action, and
 * decodes it itself. So both are refused here. An app that adds a server action must drop those
 * two checks.
 */

const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: "invalid_request", error_description: message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").trim().toLowerCase().startsWith("multipart/");
}

/** The answer for a request that must not reach Next.js, or null to let it through. */
export async function guardRequest(request: Request): Promise<Response | null> {
  if (!methods.has(request.method)) {
    return refuse(405, `The method ${request.method} is not allowed.`, { Allow: [...methods].join(", ") });
  }
  if (!decodes(new URL(request.url).pathname)) return refuse(400, "The path is not correctly percent-encoded.");
  if (request.headers.has("next-action")) return refuse(400, "This app has no server actions; its forms post to their own routes.");
  if (isMultipart(request)) {
    return refuse(415, "multipart bodies are not accepted here: send a form as application/x-www-form-urlencoded, or JSON where the API says so.");
  }
  return null;
}
