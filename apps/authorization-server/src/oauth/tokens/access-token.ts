import { accessTokenType, formatScope } from "@seven-steps/protocol";
import { SignJWT } from "jose";
import { newRowId, type SqlStatements } from "@seven-steps/db";
import { env } from "@/env";
import { saveAccessToken } from "@/storage/access-tokens";
import { currentSigningKey, signingAlgorithm } from "./signing-keys.ts";

export interface AccessTokenRequest {
  /** The user, or the client itself for `client_credentials`. */
  subject: string;
  clientId: string;
  scopes: string[];
  /** The resource server the token is for: its `aud` (RFC 8707 §2, RFC 9068 §3). */
  audience: string;
  /** When the user authenticated; absent for `client_credentials`. */
  authTime?: Date;
  /** The grant the token belongs to; absent for `client_credentials`. */
  grantId?: string;
  /** The thumbprint of the DPoP key the token is bound to (RFC 9449 §6.1), if the request proved one. */
  dpopJkt?: string;
}

export interface SignedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
  /** `DPoP` for a token bound to a key, `Bearer` otherwise (RFC 9449 §5.1). */
  tokenType: "Bearer" | "DPoP";
}

/**
 * Signs a JWT access token per RFC 9068: header `typ: at+jwt`, claims `iss`, `sub`, `aud`, `exp`,
 * `iat`, `jti`, `client_id` and `scope`, and `cnf.jkt` when it is bound to a DPoP key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.1
 */
export async function signAccessToken(request: AccessTokenRequest, now: Date): Promise<SignedAccessToken> {
  const key = await currentSigningKey();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresIn = env.ACCESS_TOKEN_TTL_SECONDS;
  const jti = newRowId();
  const claims: Record<string, unknown> = { client_id: request.clientId, scope: formatScope(request.scopes) };
  if (request.authTime) claims.auth_time = Math.floor(request.authTime.getTime() / 1000);
  if (request.dpopJkt) claims.cnf = { jkt: request.dpopJkt };

  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: signingAlgorithm, typ: accessTokenType, kid: key.kid })
    .setIssuer(env.ISSUER)
    .setSubject(request.subject)
    .setAudience(request.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + expiresIn)
    .setJti(jti)
    .sign(key.privateKey);
  return { token, jti, expiresIn, tokenType: request.dpopJkt ? "DPoP" : "Bearer" };
}

/** Records an issued access token by its `jti`, so that revoking its grant can reach it. */
export async function recordAccessToken(
  request: AccessTokenRequest,
  signed: SignedAccessToken,
  now: Date,
  statements: SqlStatements,
): Promise<void> {
  await saveAccessToken(
    {
      jti: signed.jti,
      grantId: request.grantId ?? null,
      clientId: request.clientId,
      subject: request.subject,
      scope: formatScope(request.scopes),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + signed.expiresIn * 1000),
    },
    statements,
  );
}
