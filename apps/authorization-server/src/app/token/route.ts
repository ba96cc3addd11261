import type { GrantType, TokenResponse } from "@seven-steps/protocol";
import { recordTokenRequest } from "@/inspector";
import { authenticateClient } from "@/oauth/client-authentication";
import { tokenEndpointCorsHeaders, tokenEndpointPreflight } from "@/oauth/cors";
import { UnauthorizedClient, UnsupportedGrantType } from "@/oauth/errors";
import { exchangeAuthorizationCode } from "@/oauth/grants/authorization-code";
import { issueClientCredentialsToken } from "@/oauth/grants/client-credentials";
import { refreshAccessToken } from "@/oauth/grants/refresh-token";
import { quoted, readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { tokenErrorResponse, tokenResponse } from "@/oauth/responses";
import type { RegisteredClient } from "@/storage/clients";

/** One module per grant type. */
const grants: Record<GrantType, (parameters: RequestParameters, client: RegisteredClient) => Promise<TokenResponse>> = {
  authorization_code: exchangeAuthorizationCode,
  refresh_token: refreshAccessToken,
  client_credentials: issueClientCredentialsToken,
};

function isSupportedGrantType(value: string): value is GrantType {
  return Object.hasOwn(grants, value);
}

/** Checks the grant type, authenticates the client, and lets the grant's module issue the tokens. */
async function issueTokens(request: Request, parameters: RequestParameters): Promise<TokenResponse> {
  const grantType = parameters.require("grant_type");
  if (!isSupportedGrantType(grantType)) {
    throw new UnsupportedGrantType(`The grant_type ${quoted(grantType)} is not supported.`);
  }
  const client = await authenticateClient(request, parameters);
  if (!client.allowedGrantTypes.includes(grantType)) {
    throw new UnauthorizedClient(`This client is not allowed to use the ${grantType} grant.`);
  }
  return grants[grantType](parameters, client);
}

/**
 * The token endpoint, steps 4 and 5.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function POST(request: Request) {
  let parameters: RequestParameters | null = null;
  let response: Response;
  try {
    parameters = await readFormParameters(request);
    response = tokenResponse(await issueTokens(request, parameters));
  } catch (error) {
    response = tokenErrorResponse(error);
  }
  for (const [name, value] of Object.entries(tokenEndpointCorsHeaders(request))) response.headers.set(name, value);
  await recordTokenRequest(request, parameters, response);
  return response;
}

/** A browser-based public client asks first whether it may call this endpoint from its origin. */
export function OPTIONS(request: Request) {
  return tokenEndpointPreflight(request);
}
