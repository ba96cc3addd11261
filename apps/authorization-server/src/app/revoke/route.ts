import { CheckTrail, noStoreHeaders } from "@seven-steps/protocol";
import { authenticateClient } from "@/oauth/client-authentication";
import { tokenEndpointCorsHeaders, tokenEndpointPreflight } from "@/oauth/cors";
import { readFormParameters } from "@/oauth/parameters";
import { tokenErrorResponse } from "@/oauth/responses";
import { revokeToken } from "@/oauth/revocation";

/**
 * The revocation endpoint (RFC 7009): a client gives back a token it no longer needs, as PrintShop
 * does when its user signs out. The answer is 200 whether or not the token was known.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function POST(request: Request) {
  let response: Response;
  try {
    const parameters = await readFormParameters(request);
    // Not part of a recorded flow: the trail of its checks is not kept.
    const client = await authenticateClient(new CheckTrail(), request, parameters);
    await revokeToken(parameters, client);
    response = new Response(null, { status: 200, headers: noStoreHeaders });
  } catch (error) {
    response = tokenErrorResponse(error, "revocation endpoint");
  }
  for (const [name, value] of Object.entries(tokenEndpointCorsHeaders(request))) response.headers.set(name, value);
  return response;
}

/** A browser-based public client asks first whether it may call this endpoint from its origin. */
export function OPTIONS(request: Request) {
  return tokenEndpointPreflight(request);
}
