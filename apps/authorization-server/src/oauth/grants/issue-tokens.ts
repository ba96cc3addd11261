import { defineCheck, rfcSection, type CheckTrail, type GrantType, type TokenResponse } from "@seven-steps/protocol";
import type { RegisteredClient } from "@/storage/clients";
import { authenticateClient } from "../client-authentication.ts";
import { verifyTokenRequestProof } from "../dpop.ts";
import { UnauthorizedClient, UnsupportedGrantType } from "../errors.ts";
import { quoted, type RequestParameters } from "../parameters.ts";
import { exchangeAuthorizationCode } from "./authorization-code.ts";
import { issueClientCredentialsToken } from "./client-credentials.ts";
import { refreshAccessToken } from "./refresh-token.ts";

const source = "apps/authorization-server/src/oauth/grants/issue-tokens.ts";

/**
 * One module per grant type. Each gets the thumbprint of the DPoP key the request proved, if any:
 * the key its access token is bound to (RFC 9449 §5).
 */
const grants: Record<
  GrantType,
  (parameters: RequestParameters, client: RegisteredClient, trail: CheckTrail, dpopJkt: string | undefined) => Promise<TokenResponse>
> = {
  authorization_code: exchangeAuthorizationCode,
  refresh_token: refreshAccessToken,
  client_credentials: issueClientCredentialsToken,
};

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
export const checkGrantTypeSupported = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "grant_type is one this server offers: authorization_code, refresh_token or client_credentials",
    why: "The password grant, which would hand the user's password to the client, is not among them.",
    see: rfcSection(6749, "5.2"),
    source,
  },
  (parameters: RequestParameters): GrantType => {
    const grantType = parameters.require("grant_type");
    if (!Object.hasOwn(grants, grantType)) throw new UnsupportedGrantType(`The grant_type ${quoted(grantType)} is not supported.`);
    return grantType as GrantType;
  },
);

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
export const checkClientMayUseGrant = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the client is registered for this grant type",
    why: "Each client uses only the grants it registered.",
    see: rfcSection(6749, "5.2"),
    source,
  },
  (client: RegisteredClient, grantType: GrantType): void => {
    if (!client.allowedGrantTypes.includes(grantType)) {
      throw new UnauthorizedClient(`This client is not allowed to use the ${grantType} grant.`);
    }
  },
);

/**
 * Steps 4 and 5: checks the grant type, authenticates the client, verifies its DPoP proof if it
 * sent one, and lets the grant's module issue the tokens. Each check records itself in `trail`,
 * for the inspector.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export async function issueTokens(request: Request, parameters: RequestParameters, trail: CheckTrail): Promise<TokenResponse> {
  const grantType = checkGrantTypeSupported(trail, parameters);
  const client = await authenticateClient(trail, request, parameters);
  checkClientMayUseGrant(trail, client, grantType);
  const proof = await verifyTokenRequestProof(trail, request, client);
  return grants[grantType](parameters, client, trail, proof?.jkt);
}
