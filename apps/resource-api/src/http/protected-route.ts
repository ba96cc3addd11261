import { databaseRetryAfterSeconds, isDatabaseUnavailable, unavailabilityReason } from "@seven-steps/db";
import {
  bearerChallenge,
  CheckTrail,
  BearerTokenError,
  dpopChallenge,
  dpopNonceHeaderName,
  DpopProofError,
  dpopSigningAlgorithms,
  InsufficientScope,
  IntrospectionUnavailable,
  SigningKeysUnavailable,
  UseDpopNonce,
  type AccessTokenClaims,
  type AccessTokenScheme,
  type DpopSchemeErrorCode,
} from "@seven-steps/protocol";
import { authenticate, dpopNonces, NoCredentials, type ChallengeScheme } from "@/auth/access-token";
import { resourceMetadataUrl, resourceName } from "@/discovery/protected-resource-metadata";
import { recordResourceRequest } from "@/inspector";
import { ApiError } from "./api-error.ts";
import { corsHeaders } from "./cors.ts";

export const realm = resourceName;

type RouteContext = { params: Promise<Record<string, string>> };
type ProtectedHandler = (request: Request, token: AccessTokenClaims, context: RouteContext) => Promise<Response>;

function errorJson(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The challenge of the DPoP scheme, for a refusal or as an offer (RFC 9449 §7.1). */
function dpopChallengeOf(error?: { code: DpopSchemeErrorCode; description: string; scope?: readonly string[] }): string {
  return dpopChallenge({ realm, algs: dpopSigningAlgorithms, resourceMetadata: resourceMetadataUrl, ...(error ? { error } : {}) });
}

/**
 * The one place where a refusal becomes a response, with the status and challenge of RFC 6750
 * §3 or RFC 9449 §7.1, each challenge naming the API's metadata (RFC 9728 §5.1); a failure on this
 * side, with 503 and `Retry-After` when it will pass by itself (RFC 9110 §15.6.4), 500 otherwise.
 *
 * The challenge is in the scheme the request used, or DPoP's for a token bound to a key; a
 * request without credentials is offered both schemes (RFC 9449 §7.2).
 */
function refusal(error: unknown, scheme: AccessTokenScheme | undefined): Response {
  if (error instanceof NoCredentials) {
    // RFC 6750 §3.1: no error code when the request carried no credentials at all.
    const challenges = `${bearerChallenge(realm, undefined, { resourceMetadata: resourceMetadataUrl })}, ${dpopChallengeOf()}`;
    return Response.json({ message: error.message }, { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": challenges } });
  }
  if (error instanceof BearerTokenError) {
    const scope = error instanceof InsufficientScope ? error.requiredScopes : undefined;
    const challenge =
      scheme === "dpop"
        ? dpopChallengeOf({ code: error.code, description: error.description, scope })
        : bearerChallenge(realm, { code: error.code, description: error.description, scope }, { resourceMetadata: resourceMetadataUrl });
    return errorJson(error.status, error.code, error.description, { "WWW-Authenticate": challenge });
  }
  if (error instanceof DpopProofError) {
    const headers: Record<string, string> = { "WWW-Authenticate": dpopChallengeOf({ code: error.code, description: error.description }) };
    if (error instanceof UseDpopNonce) headers[dpopNonceHeaderName] = error.nonce;
    // RFC 9449 §7.1 and §9: 401 for a proof refused, and for a nonce wanted.
    return errorJson(401, error.code, error.description, headers);
  }
  if (error instanceof SigningKeysUnavailable || error instanceof IntrospectionUnavailable) {
    console.error("resource-api: cannot validate tokens:", error.message);
    return errorJson(503, "temporarily_unavailable", "The API cannot check access tokens right now; try again shortly.", {
      "Retry-After": "5",
    });
  }
  // Not a bug, and it passes by itself: the same request succeeds once the database is back.
  if (isDatabaseUnavailable(error)) {
    console.warn(`resource-api: the database is unavailable (${unavailabilityReason(error)}); answered 503.`);
    return errorJson(503, "temporarily_unavailable", "The API cannot reach its photos right now; try again shortly.", {
      "Retry-After": String(databaseRetryAfterSeconds),
    });
  }
  if (error instanceof ApiError) return errorJson(error.status, error.code, error.description);
  console.error("resource-api: unexpected error", error);
  return errorJson(500, "server_error", "The API met an unexpected error.");
}

/**
 * Wraps a route handler that needs an access token with `requiredScopes`: the handler runs only
 * with a valid token, and every refusal or failure is answered here, with CORS headers for the
 * client app. The exchange is then shown to the inspector.
 */
export function protectedRoute(requiredScopes: readonly string[], handler: ProtectedHandler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let response: Response;
    let verified: { jti: string; sub: string } | undefined;
    const trail = new CheckTrail();
    const challenge: ChallengeScheme = { scheme: undefined };
    try {
      const token = await authenticate(request, requiredScopes, trail, challenge);
      verified = { jti: token.jti, sub: token.sub };
      response = await handler(request, token, context);
    } catch (error) {
      response = refusal(error, challenge.scheme);
    }
    for (const [name, value] of Object.entries(corsHeaders(request))) response.headers.set(name, value);
    // RFC 9449 §9: a fresh nonce with every answer to DPoP, for the client's next proof.
    if (challenge.scheme === "dpop" && !response.headers.has(dpopNonceHeaderName)) {
      response.headers.set(dpopNonceHeaderName, await dpopNonces.current());
    }
    await recordResourceRequest(request, response, trail, verified);
    return response;
  };
}
