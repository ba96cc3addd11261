import "server-only";
import { formatScope, type CheckTrail, type TokenResponse } from "@seven-steps/protocol";
import { sql } from "@/db";
import type { RegisteredClient } from "@/storage/clients";
import { mayUseClientCredentials } from "../client-rules.ts";
import { UnauthorizedClient } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { requireAllowedScope } from "../requested-scope.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";

/**
 * A confidential client asking for a token on its own behalf: no user, so the subject is the
 * client itself, and no refresh token (RFC 6749 §4.4.3).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function issueClientCredentialsToken(
  parameters: RequestParameters,
  client: RegisteredClient,
  // Nothing of this grant is recorded: it belongs to no user's flow.
  _trail: CheckTrail,
  now = new Date(),
): Promise<TokenResponse> {
  if (!mayUseClientCredentials(client.tokenEndpointAuthMethod)) {
    throw new UnauthorizedClient("Only confidential clients may use the client_credentials grant (RFC 6749 section 4.4).");
  }
  const scopes = requireAllowedScope(parameters, client.allowedScopes);
  const tokenRequest = { subject: client.id, clientId: client.id, scopes };
  const accessToken = await signAccessToken(tokenRequest, now);
  await sql.transaction((writer) => recordAccessToken(tokenRequest, accessToken, now, writer));
  return {
    access_token: accessToken.token,
    token_type: "Bearer",
    expires_in: accessToken.expiresIn,
    scope: formatScope(scopes),
  };
}
