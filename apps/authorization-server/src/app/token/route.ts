import { CheckTrail } from "@seven-steps/protocol";
import { recordTokenRequest } from "@/inspector";
import { tokenEndpointCorsHeaders, tokenEndpointPreflight } from "@/oauth/cors";
import { dpopNonceHeaders } from "@/oauth/dpop";
import { issueTokens } from "@/oauth/grants/issue-tokens";
import { readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { tokenErrorResponse, tokenResponse } from "@/oauth/responses";

/**
 * The token endpoint, steps 4 and 5.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function POST(request: Request) {
  let parameters: RequestParameters | null = null;
  const trail = new CheckTrail();
  let response: Response;
  try {
    parameters = await readFormParameters(request);
    response = tokenResponse(await issueTokens(request, parameters, trail));
  } catch (error) {
    response = tokenErrorResponse(error);
  }
  const headers = { ...tokenEndpointCorsHeaders(request), ...(await dpopNonceHeaders(request)) };
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  await recordTokenRequest(request, parameters, response, trail);
  return response;
}

/** A browser-based public client asks first whether it may call this endpoint from its origin. */
export function OPTIONS(request: Request) {
  return tokenEndpointPreflight(request);
}
