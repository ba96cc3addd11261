import { CheckTrail, noStoreHeaders } from "@seven-steps/protocol";
import { authenticateResourceServer, introspectToken } from "@/oauth/introspection";
import { readFormParameters } from "@/oauth/parameters";
import { tokenErrorResponse } from "@/oauth/responses";

/**
 * The introspection endpoint (RFC 7662), for resource servers only: anyone else could use it to
 * test stolen tokens. Credentials that are not a resource server's get a 401, like bad ones.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 */
export async function POST(request: Request) {
  try {
    const parameters = await readFormParameters(request);
    // Not part of a recorded flow: the trail of its checks is not kept.
    await authenticateResourceServer(new CheckTrail(), request, parameters);
    return Response.json(await introspectToken(parameters), { headers: noStoreHeaders });
  } catch (error) {
    return tokenErrorResponse(error, "introspection endpoint");
  }
}
