// Requests Next.js fails on inside its own code, before any proxy.ts or route of an app runs, and
// answers with a 500. The production server (production-server.js) refuses them first, with the
// client error they deserve. Each was found by the fuzzer (e2e/tests/stress/fuzz.spec.ts).

const allowed = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/**
 * The answer for a request Next.js cannot take, or null to hand it to Next.js:
 * - TRACE, TRACK and CONNECT: the Fetch standard cannot represent them, and Next.js turns every
 *   request into a fetch Request (405, RFC 9110 §15.5.6).
 * - an `RSC` header on anything but GET or HEAD: Next.js's router fetches a page's React Server
 *   Components payload with GET only, and a POST that asks for one, to a path with no page, trips
 *   an invariant of Next.js. Next.js does not run proxy.ts for such a request, so it is checked here.
 *
 * @param {import("node:http").IncomingMessage} request
 * @returns {{ status: number, description: string, headers?: Record<string, string> } | null}
 */
export function refusalBeforeNext(request) {
  const method = request.method ?? "";
  if (method === "TRACE" || method === "TRACK" || method === "CONNECT") {
    return { status: 405, description: `The method ${method} is not allowed.`, headers: { Allow: allowed } };
  }
  if (request.headers.rsc !== undefined && method !== "GET" && method !== "HEAD") {
    return { status: 400, description: "The RSC header asks for a page's React Server Components payload, which only a GET request can." };
  }
  return null;
}

/**
 * Sends a refusal as JSON, in the shape of an OAuth error, after reading and dropping any body.
 *
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ status: number, description: string, headers?: Record<string, string> }} refusal
 */
export function sendRefusal(request, response, refusal) {
  request.resume();
  response.writeHead(refusal.status, { ...refusal.headers, "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify({ error: "invalid_request", error_description: refusal.description }));
}
