import { CheckTrail, noStoreHeaders } from "@seven-steps/protocol";
import { authenticateClient } from "@/oauth/client-authentication";
import { InvalidClient } from "@/oauth/errors";
import { checkClientMayIntrospect, introspectToken } from "@/oauth/introspection";
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
    const trail = new CheckTrail();
    // A resource server authenticates with Basic here, so a failure always asks for Basic (RFC
    // 6749 §5.2); a throttled one keeps its Retry-After.
    const client = await authenticateClient(trail, request, parameters).catch((error: unknown) => {
      if (!(error instanceof InvalidClient)) throw error;
      throw new InvalidClient(error.description, true, { cause: error, retryAfterSeconds: error.retryAfterSeconds });
    });
    checkClientMayIntrospect(trail, client);
    return Response.json(await introspectToken(parameters), { headers: noStoreHeaders });
  } catch (error) {
    return tokenErrorResponse(error);
  }
}
