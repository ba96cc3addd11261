import { isAuthorizationErrorCode, isTokenErrorCode, type AuthorizationErrorCode, type TokenErrorCode } from "../error-codes.ts";
import type { AuthorizationRequest } from "../messages/authorization.ts";
import type { PushedAuthorizationReference, PushedAuthorizationResponse } from "../messages/pushed-authorization.ts";
import { buildClientRequest, type AuthenticatedFormRequest, type ClientAuthentication } from "./token-request.ts";

/**
 * The pushed authorization request endpoint answered with an error (RFC 9126 §2.3): a code of
 * the token endpoint or of the authorization endpoint, in the token endpoint's JSON format.
 */
export class PushedAuthorizationRequestError extends Error {
  override readonly name = "PushedAuthorizationRequestError";

  constructor(
    readonly code: TokenErrorCode | AuthorizationErrorCode | "invalid_response",
    readonly description: string,
    readonly status: number,
  ) {
    super(`${code}: ${description}`);
  }
}

/**
 * Step 1, pushed: the client posts the authorization request it would have put in the browser's
 * address bar to the authorization server directly, authenticated as at the token endpoint. The
 * `client_id` stays in the body even with Basic authentication: it is a parameter of the
 * authorization request too (RFC 9126 §2.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.1
 */
export function buildPushedAuthorizationRequest(
  pushedAuthorizationRequestEndpoint: string,
  request: AuthorizationRequest,
  client: ClientAuthentication,
): AuthenticatedFormRequest {
  return buildClientRequest(pushedAuthorizationRequestEndpoint, { ...request }, client);
}

/**
 * Checks the answer to a pushed authorization request: `201 Created` with a `request_uri` and a
 * positive `expires_in`; an error becomes a {@link PushedAuthorizationRequestError}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.3
 */
export async function processPushedAuthorizationResponse(response: Response): Promise<PushedAuthorizationResponse> {
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new PushedAuthorizationRequestError(
      "invalid_response",
      `The pushed authorization request endpoint answered ${response.status} without JSON.`,
      response.status,
    );
  }
  if (!response.ok) {
    const code = isTokenErrorCode(body.error) || isAuthorizationErrorCode(body.error) ? body.error : "invalid_response";
    const description = typeof body.error_description === "string" ? body.error_description : "No description given.";
    throw new PushedAuthorizationRequestError(code, description, response.status);
  }
  if (response.status !== 201) {
    throw new PushedAuthorizationRequestError("invalid_response", `Expected 201 Created, got ${response.status}.`, response.status);
  }
  const { request_uri, expires_in } = body;
  if (typeof request_uri !== "string" || request_uri === "" || typeof expires_in !== "number" || !(expires_in > 0)) {
    throw new PushedAuthorizationRequestError(
      "invalid_response",
      "The answer needs a request_uri string and a positive expires_in number.",
      response.status,
    );
  }
  return { request_uri, expires_in };
}

/**
 * Step 1 through the browser, after a push: the authorization URL carries only the client and
 * the reference; the server takes every other parameter from the request it keeps.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export function buildPushedAuthorizationUrl(authorizationEndpoint: string, reference: PushedAuthorizationReference): URL {
  const url = new URL(authorizationEndpoint);
  url.searchParams.set("client_id", reference.client_id);
  url.searchParams.set("request_uri", reference.request_uri);
  return url;
}
