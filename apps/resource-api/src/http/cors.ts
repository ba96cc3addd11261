import { env } from "@/env";

/**
 * Cross-origin access for browsers: the client app's origin only, so the step-through lab can
 * call the API from the page. Any other origin gets no CORS headers, and its scripts cannot read
 * the answers.
 *
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (origin !== new URL(env.CLIENT_APP_URL).origin) return { Vary: "Origin" };
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "WWW-Authenticate, DPoP-Nonce, Location, Retry-After",
    Vary: "Origin",
  };
}

/** The answer to a CORS preflight (OPTIONS) request. */
export function preflight(request: Request, methods: string): Response {
  const headers = corsHeaders(request);
  if (headers["Access-Control-Allow-Origin"]) {
    Object.assign(headers, {
      "Access-Control-Allow-Methods": methods,
      "Access-Control-Allow-Headers": "Authorization, Content-Type, DPoP",
      "Access-Control-Max-Age": "600",
    });
  }
  return new Response(null, { status: 204, headers });
}
