import { dpopNonceHeaderName } from "@seven-steps/protocol";
import { env } from "@/env";

/**
 * Cross-origin access to the token endpoint (and to revocation and the pushed authorization
 * request endpoint, which take the same client authentication), for browser-based public clients
 * such as PrintShop's step-through lab: the client app's origin only. Confidential clients call from their servers and
 * need none of this.
 *
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function tokenEndpointCorsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (origin !== new URL(env.CLIENT_APP_URL).origin) return {};
  // The page reads the nonce for its next DPoP proof (RFC 9449 §8).
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": dpopNonceHeaderName, Vary: "Origin" };
}

/** The answer to the preflight a browser sends before a cross-origin token request. */
export function tokenEndpointPreflight(request: Request): Response {
  const headers = tokenEndpointCorsHeaders(request);
  if (headers["Access-Control-Allow-Origin"]) {
    Object.assign(headers, {
      "Access-Control-Allow-Methods": "POST",
      // DPoP: a proof may go with a pushed request or a token request (RFC 9449 §10.1, §5).
      "Access-Control-Allow-Headers": "Content-Type, Authorization, DPoP",
      "Access-Control-Max-Age": "600",
    });
  }
  return new Response(null, { status: 204, headers });
}
