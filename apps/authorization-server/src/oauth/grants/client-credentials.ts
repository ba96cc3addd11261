import "server-only";
import { defineCheck, formatScope, rfcSection, type CheckTrail, type TokenResponse } from "@seven-steps/protocol";
import { sql } from "@/db";
import type { RegisteredClient } from "@/storage/clients";
import { mayUseClientCredentials } from "../client-rules.ts";
import { UnauthorizedClient } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { checkAllowedScope } from "../requested-scope.ts";
import { checkResource, checkScopesOfResource } from "../resource-indicators.ts";
import { recordAccessToken, signAccessToken } from "../tokens/access-token.ts";

/**
 * Only a confidential client may use this grant: with no user in the exchange, its secret is all
 * that proves who is asking.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export const checkConfidentialClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the client is confidential: it has a secret",
    why: "With no user in the exchange, the client's secret is all that proves who is asking.",
    see: rfcSection(6749, "4.4"),
    source: "apps/authorization-server/src/oauth/grants/client-credentials.ts",
  },
  (client: RegisteredClient): void => {
    if (!mayUseClientCredentials(client.tokenEndpointAuthMethod)) {
      throw new UnauthorizedClient("Only confidential clients may use the client_credentials grant (RFC 6749 section 4.4).");
    }
  },
);

/**
 * A confidential client asking for a token on its own behalf: no user, so the subject is the
 * client itself, and no refresh token (RFC 6749 §4.4.3). The token is bound to the DPoP key the
 * request proved, if any (RFC 9449 §5).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function issueClientCredentialsToken(
  parameters: RequestParameters,
  client: RegisteredClient,
  trail: CheckTrail,
  dpopJkt: string | undefined,
  now = new Date(),
): Promise<TokenResponse> {
  checkConfidentialClient(trail, client);
  const resourceServer = await checkResource(trail, parameters);
  const scopes = checkAllowedScope(trail, parameters, client.allowedScopes);
  checkScopesOfResource(trail, scopes, resourceServer);
  const tokenRequest = { subject: client.id, clientId: client.id, scopes, audience: resourceServer.identifier, dpopJkt };
  const accessToken = await signAccessToken(tokenRequest, now);
  await sql.transaction((statements) => recordAccessToken(tokenRequest, accessToken, now, statements));
  return {
    access_token: accessToken.token,
    token_type: accessToken.tokenType,
    expires_in: accessToken.expiresIn,
    scope: formatScope(scopes),
  };
}
