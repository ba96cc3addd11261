import { authenticateClient } from "@/oauth/client-authentication";
import { InvalidClient } from "@/oauth/errors";
import { introspectToken } from "@/oauth/introspection";
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
    const client = await authenticateClient(request, parameters).catch((error: unknown) => {
      throw error instanceof InvalidClient ? new InvalidClient(error.description, true) : error;
    });
    if (!client.canIntrospect) {
      throw new InvalidClient("Only resource servers may introspect tokens; these credentials are not one's.", true);
    }
    return Response.json(await introspectToken(parameters), { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
  } catch (error) {
    return tokenErrorResponse(error);
  }
}
