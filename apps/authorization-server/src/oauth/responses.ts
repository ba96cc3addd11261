import {
  dpopNonceHeaderName,
  isAuthorizationErrorCode,
  isTokenErrorCode,
  isValidErrorDescription,
  noStoreHeaders,
  type PushedAuthorizationResponse,
  type TokenResponse,
} from "@seven-steps/protocol";
import { isDatabaseUnavailable, unavailabilityReason } from "@seven-steps/db";
import { env } from "@/env";
import { InvalidClient, OAuthError, ServerError, TemporarilyUnavailable, UseDpopNonce } from "./errors.ts";

/** `error_description` may hold printable ASCII only, without `"` and `\` (RFC 6749 §5.2). */
function safeDescription(description: string): string {
  return isValidErrorDescription(description) ? description : description.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, "?");
}

/**
 * Anything thrown that is not an OAuthError is a bug: log it, and tell the client no more than
 * that. The one exception is a database that cannot be reached: no bug, and it passes by itself.
 * Its request is answered `temporarily_unavailable`, and the log gets one line, not a stack.
 */
export function asOAuthError(error: unknown, where: string): OAuthError {
  if (error instanceof OAuthError) return error;
  if (isDatabaseUnavailable(error)) {
    console.warn(`${where}: the database is unavailable (${unavailabilityReason(error)}); answered 503.`);
    return new TemporarilyUnavailable("The authorization server cannot answer for a moment. Try again shortly.", { cause: error });
  }
  console.error(`${where}: unexpected error`, error);
  return new ServerError("The authorization server met an unexpected error. Try again later.", { cause: error });
}

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export function tokenResponse(body: TokenResponse): Response {
  return Response.json(body, { headers: noStoreHeaders });
}

/**
 * The one place where the token endpoint turns an error into a response; the other endpoints
 * that answer in its format (introspection, revocation, the JWKS) use it too, naming themselves
 * in `where` for the log.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function tokenErrorResponse(error: unknown, where = "token endpoint"): Response {
  // Only the codes of RFC 6749 §5.2 belong here; anything else would be a bug of this server.
  return jsonErrorResponse(asOAuthError(error, where), isTokenErrorCode);
}

/** @see https://www.rfc-editor.org/rfc/rfc9126#section-2.2 */
export function pushedAuthorizationResponse(body: PushedAuthorizationResponse): Response {
  return Response.json(body, { status: 201, headers: noStoreHeaders });
}

/**
 * An error of the pushed authorization request endpoint: the token endpoint's format, with its
 * codes or those of the authorization endpoint (RFC 9126 §2.3), since the request is checked as
 * both.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.3
 */
export function pushedAuthorizationErrorResponse(error: unknown): Response {
  const oauthError = asOAuthError(error, "pushed authorization request endpoint");
  return jsonErrorResponse(oauthError, (code) => isTokenErrorCode(code) || isAuthorizationErrorCode(code));
}

/**
 * `{ error, error_description }` (RFC 6749 §5.2), with the status and the headers the error
 * calls for. A code the endpoint may not answer with would be a bug here: `server_error`.
 */
function jsonErrorResponse(oauthError: OAuthError, isAllowedCode: (code: string) => boolean): Response {
  const code = isAllowedCode(oauthError.code) ? oauthError.code : "server_error";
  const body = { error: code, error_description: safeDescription(oauthError.description) };
  const headers: Record<string, string> = { ...noStoreHeaders };
  if (oauthError instanceof InvalidClient && oauthError.triedBasicAuthentication) {
    headers["WWW-Authenticate"] = `Basic realm="${env.ISSUER}", charset="UTF-8"`;
  }
  if (oauthError.retryAfterSeconds) headers["Retry-After"] = String(oauthError.retryAfterSeconds);
  if (oauthError instanceof UseDpopNonce) headers[dpopNonceHeaderName] = oauthError.nonce;
  return Response.json(body, { status: oauthError.status, headers });
}

/**
 * A 303 redirect to the client's redirect URI with the given parameters added to its query,
 * always including `iss` (RFC 9207). Existing query parameters of a registered redirect URI are
 * kept (RFC 6749 §3.1.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.12
 */
export function redirectToClient(redirectUri: string, parameters: Record<string, string | undefined>): Response {
  const location = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...parameters, iss: env.ISSUER })) {
    if (value !== undefined) location.searchParams.set(name, value);
  }
  return new Response(null, {
    status: 303,
    headers: { Location: location.toString(), "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

/** An authorization error sent back to the client (RFC 6749 §4.1.2.1). */
export function redirectErrorToClient(redirectUri: string, error: OAuthError, state: string | undefined): Response {
  return redirectToClient(redirectUri, {
    error: error.code,
    error_description: safeDescription(error.description),
    state,
  });
}
