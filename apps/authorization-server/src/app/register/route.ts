import { bearerTokenOf, checkInitialAccessToken } from "@/oauth/registration/initial-access-token";
import { registerClient } from "@/oauth/registration/register-client";
import { readClientMetadata } from "@/oauth/registration/request";
import { clientInformationResponse, registrationErrorResponse } from "@/oauth/registration/responses";

/**
 * The client registration endpoint: a client sends its metadata as JSON and receives a
 * `client_id`, and a secret if it is confidential. The initial access token is checked before
 * the body is read, so a refused request stores nothing.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export async function POST(request: Request) {
  try {
    checkInitialAccessToken(bearerTokenOf(request));
    const metadata = await readClientMetadata(request);
    return clientInformationResponse(await registerClient(metadata, "the client itself"));
  } catch (error) {
    return registrationErrorResponse(error);
  }
}
