/**
 * Requests Next.js itself would answer with a 500 (a stack of its own, and a bug in the eyes of
 * anyone testing the app), answered here with the 4xx they deserve. Each app's proxy.ts calls it
 * first. Found by the fuzzer in e2e/tests/stress/fuzz.spec.ts.
 */

const noServerActions = "This app has no server actions; its forms post to their own routes.";

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

/**
 * Whether a form post comes from this very site, or from no browser page at all. Next.js treats a
 * multipart post to a page as a server action, and throws when its Origin is another site's.
 */
function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin === null) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * What a multipart body holds, as Next.js would see it: unreadable, a server action (the
 * `$ACTION_…` fields React's forms add), or an ordinary form.
 */
async function multipartKind(request: Request): Promise<"unreadable" | "server-action" | "form"> {
  try {
    const form = await request.clone().formData();
    for (const name of form.keys()) if (name.startsWith("$ACTION_")) return "server-action";
    return "form";
  } catch {
    return "unreadable";
  }
}

/**
 * The answer for a request that must not reach Next.js, or null to let it through.
 *
 * No page of these apps has a server action: every form posts to a route handler of its own. So a
 * request naming one (the `Next-Action` header, or `$ACTION_…` form fields) is refused outright,
 * rather than left to Next.js, which would print a stack for each. An app that adds a server
 * action must drop those checks.
 */
export async function guardRequest(request: Request): Promise<Response | null> {
  if (!methods.has(request.method)) {
    return refuse(405, `The method ${request.method} is not allowed.`, { Allow: [...methods].join(", ") });
  }
  if (!decodes(new URL(request.url).pathname)) return refuse(400, "The path is not correctly percent-encoded.");
  if (request.headers.has("next-action")) return refuse(400, noServerActions);
  if (request.method === "POST") {
    const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
    if (multipart && !isSameOriginPost(request)) {
      return refuse(403, "This form was sent from another site.");
    }
    const kind = multipart ? await multipartKind(request) : "form";
    if (kind === "unreadable") return refuse(400, "The multipart form body cannot be read.");
    if (kind === "server-action") return refuse(400, noServerActions);
  }
  return null;
}
