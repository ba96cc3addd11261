import { formatScope } from "@seven-steps/protocol";
import { env } from "@/env";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { saveAuthorizationCode } from "@/storage/authorization-codes";
import type { ValidAuthorizationRequest } from "./validate.ts";

/**
 * Step 3: a new authorization code. 256 random bits; only its hash is stored, bound to the
 * client, the redirect URI, the PKCE challenge, the user, the scopes, the resource and the DPoP
 * key if the request named one (RFC 9449 §10), for at most 60 seconds.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 */
export async function issueAuthorizationCode(
  request: ValidAuthorizationRequest,
  user: { id: string; authTime: Date },
  now = new Date(),
): Promise<string> {
  const code = generateSecret();
  await saveAuthorizationCode({
    codeHash: hashSecret(code),
    clientId: request.client.id,
    userId: user.id,
    redirectUri: request.redirectUri,
    redirectUriInRequest: request.redirectUriInRequest,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    scope: formatScope(request.scopes),
    resource: request.resource,
    dpopJkt: request.dpopJkt ?? null,
    authTime: user.authTime,
    expiresAt: new Date(now.getTime() + env.AUTHORIZATION_CODE_TTL_SECONDS * 1000),
  });
  return code;
}
