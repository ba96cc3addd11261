import { CheckTrail } from "@seven-steps/protocol";
import { recordPushedAuthorizationRequest } from "@/inspector";
import { tokenEndpointCorsHeaders, tokenEndpointPreflight } from "@/oauth/cors";
import { dpopNonceHeaders } from "@/oauth/dpop";
import { readFormParameters, type RequestParameters } from "@/oauth/parameters";
import { pushAuthorizationRequest } from "@/oauth/pushed-authorization-request/push";
import { pushedAuthorizationErrorResponse, pushedAuthorizationResponse } from "@/oauth/responses";

/**
 * The pushed authorization request endpoint: step 1 sent by the client itself, which gets back a
 * `request_uri` to send the browser with instead of the request.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2
 */
export async function POST(request: Request) {
  let parameters: RequestParameters | null = null;
  const trail = new CheckTrail();
  let response: Response;
  try {
    parameters = await readFormParameters(request);
    response = pushedAuthorizationResponse(await pushAuthorizationRequest(request, parameters, trail));
  } catch (error) {
    response = pushedAuthorizationErrorResponse(error);
  }
  const headers = { ...tokenEndpointCorsHeaders(request), ...(await dpopNonceHeaders(request)) };
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  await recordPushedAuthorizationRequest(request, parameters, response, trail);
  return response;
}

/** A browser-based public client (the lab) asks first whether it may push from its origin. */
export function OPTIONS(request: Request) {
  return tokenEndpointPreflight(request);
}
