import { isTokenErrorCode, type TokenErrorCode } from "../error-codes.ts";
import { encodeBasicCredentials } from "../http/basic-credentials.ts";
import type { TokenEndpointAuthMethod } from "../messages/token-endpoint-auth-methods.ts";
import type { IntrospectionRequest, RevocationRequest } from "../messages/token-lifecycle.ts";
import type { TokenRequest, TokenResponse } from "../messages/token.ts";

/** How a client authenticates at the token endpoint: with its secret, or as a public client. */
export type ClientAuthentication =
  | { method: Exclude<TokenEndpointAuthMethod, "none">; clientId: string; clientSecret: string }
  | { method: "none"; clientId: string };

/** The token endpoint answered with an error (RFC 6749 §5.2). */
export class TokenEndpointError extends Error {
  override readonly name = "TokenEndpointError";

  constructor(
    readonly code: TokenErrorCode | "invalid_response",
    readonly description: string,
    readonly status: number,
  ) {
    super(`${code}: ${description}`);
  }
}

export interface AuthenticatedFormRequest {
  url: string;
  init: RequestInit & { headers: Record<string, string>; body: string };
}

/**
 * A form POST from a client to an endpoint of the authorization server (token, revocation,
 * introspection), with the client's credentials in the header (`client_secret_basic`) or the body
 * (`client_secret_post`, `none`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function buildClientRequest(
  endpoint: string,
  parameters: Readonly<Record<string, string | undefined>>,
  client: ClientAuthentication,
): AuthenticatedFormRequest {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) body.set(name, value);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (client.method === "client_secret_basic") {
    headers.authorization = encodeBasicCredentials(client.clientId, client.clientSecret);
  } else {
    body.set("client_id", client.clientId);
    if (client.method === "client_secret_post") body.set("client_secret", client.clientSecret);
  }
  return { url: endpoint, init: { method: "POST", headers, body: body.toString() } };
}

/**
 * A token request: steps 4, a refresh, or client credentials.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export function buildTokenRequest(tokenEndpoint: string, parameters: TokenRequest, client: ClientAuthentication): AuthenticatedFormRequest {
  return buildClientRequest(tokenEndpoint, { ...parameters }, client);
}

/**
 * A revocation request: the client gives a token back.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function buildRevocationRequest(
  revocationEndpoint: string,
  parameters: RevocationRequest,
  client: ClientAuthentication,
): AuthenticatedFormRequest {
  return buildClientRequest(revocationEndpoint, { ...parameters }, client);
}

/**
 * An introspection request: a resource server asks about a token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export function buildIntrospectionRequest(
  introspectionEndpoint: string,
  parameters: IntrospectionRequest,
  client: ClientAuthentication,
): AuthenticatedFormRequest {
  return buildClientRequest(introspectionEndpoint, { ...parameters }, client);
}

/**
 * Checks a token endpoint's answer: a successful one must be a Bearer or DPoP (RFC 9449 §5.1)
 * token response; an error
 * becomes a {@link TokenEndpointError} with the server's `error` and `error_description`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function processTokenResponse(response: Response): Promise<TokenResponse> {
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new TokenEndpointError("invalid_response", `The token endpoint answered ${response.status} without JSON.`, response.status);
  }
  if (!response.ok) {
    const code = isTokenErrorCode(body.error) ? body.error : "invalid_response";
    const description = typeof body.error_description === "string" ? body.error_description : "No description given.";
    throw new TokenEndpointError(code, description, response.status);
  }
  const tokenType = String(body.token_type).toLowerCase();
  if (typeof body.access_token !== "string" || (tokenType !== "bearer" && tokenType !== "dpop")) {
    throw new TokenEndpointError("invalid_response", "The token response has no Bearer or DPoP access_token.", response.status);
  }
  return body as unknown as TokenResponse;
}
