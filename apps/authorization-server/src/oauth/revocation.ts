import { readUnverifiedClaims } from "@seven-steps/protocol";
import { hashSecret } from "@/secrets/secret-hash";
import type { RegisteredClient } from "@/storage/clients";
import { findAccessToken, revokeAccessToken } from "@/storage/access-tokens";
import { revokeGrant } from "@/storage/grants";
import { findRefreshToken } from "@/storage/refresh-tokens";
import type { RequestParameters } from "./parameters.ts";

/**
 * Each attempt looks the token up as one type and answers whether it found it. A token found but
 * issued to another client is left alone: RFC 7009 §2.1 would refuse such a request with an error,
 * but this server answers it like an unknown token, so that the endpoint never tells a client
 * whether a token it holds belongs to someone else.
 */
type RevocationAttempt = (token: string, client: RegisteredClient) => Promise<boolean>;

/** A refresh token takes its whole grant with it: every token issued under it (RFC 7009 §2.1). */
const revokeAsRefreshToken: RevocationAttempt = async (token, client) => {
  const found = await findRefreshToken(hashSecret(token));
  if (!found) return false;
  if (found.clientId === client.id) await revokeGrant(found.grantId, "refresh token revoked by the client");
  return true;
};

/**
 * An access token is revoked alone; its refresh token, if any, stays (RFC 7009 §2.1 allows either).
 * It is found by its `jti`, read without verifying the token, so only once the claims have the
 * types and sizes of a token this server issues: anything else is an invalid token (§2.2).
 */
const revokeAsAccessToken: RevocationAttempt = async (token, client) => {
  const jti = readUnverifiedClaims(token)?.jti;
  const found = jti ? await findAccessToken(jti) : null;
  if (!found) return false;
  if (found.clientId === client.id) await revokeAccessToken(found.jti);
  return true;
};

/**
 * Revokes a token the client gives back. The hint decides which type is tried first; the other is
 * tried next (RFC 7009 §2.1). An unknown or already invalid token is not an error (§2.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export async function revokeToken(parameters: RequestParameters, client: RegisteredClient): Promise<void> {
  const token = parameters.require("token");
  const attempts =
    parameters.get("token_type_hint") === "access_token"
      ? [revokeAsAccessToken, revokeAsRefreshToken]
      : [revokeAsRefreshToken, revokeAsAccessToken];
  for (const attempt of attempts) {
    if (await attempt(token, client)) return;
  }
}
