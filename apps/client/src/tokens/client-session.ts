import type { Account } from "next-auth";
import { buildRevocationRequest } from "@seven-steps/protocol";
import { createClientSession, deleteClientSession, findClientSession } from "@/storage/client-sessions";
import { authorizationServer, printShopCredentials } from "./authorization-server.ts";
import { seal, unseal } from "./vault.ts";

/**
 * Stores the tokens of a new sign-in (step 5) on PrintShop's server, encrypted, and returns the
 * session id that next-auth keeps in its cookie.
 */
export async function startClientSession(account: Account): Promise<string> {
  if (!account.access_token || !account.providerAccountId) throw new Error("The sign-in returned no access token.");
  const expiresAt = account.expires_at ? new Date(account.expires_at * 1000) : new Date(Date.now() + 60_000);
  const row = await createClientSession({
    subject: account.providerAccountId,
    accessToken: await seal(account.access_token),
    accessTokenExpiresAt: expiresAt,
    refreshToken: account.refresh_token ? await seal(account.refresh_token) : null,
    scope: account.scope ?? "",
  });
  return row.id;
}

/**
 * Gives a refresh token back to PhotoCloud (RFC 7009), which revokes its grant and every token
 * issued under it. Best effort: if PhotoCloud cannot be reached, the failure is logged.
 */
export async function revokeAtPhotoCloud(refreshToken: string, when: string): Promise<void> {
  try {
    const { revocation_endpoint } = await authorizationServer();
    if (!revocation_endpoint) return;
    const request = buildRevocationRequest(revocation_endpoint, { token: refreshToken, token_type_hint: "refresh_token" }, printShopCredentials);
    const response = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) console.warn(`client: the revocation endpoint answered ${response.status} ${when}.`);
  } catch (error) {
    console.warn(`client: could not revoke the refresh token ${when}:`, (error as Error).message);
  }
}

/**
 * Sign-out: PrintShop gives its refresh token back to PhotoCloud, then forgets the tokens it held.
 * If PhotoCloud cannot be reached, the tokens are forgotten all the same; they expire on their own.
 */
export async function endSignedInSession(sid: string): Promise<void> {
  const row = await findClientSession(sid);
  if (row?.refreshToken && !row.endedAt) await revokeAtPhotoCloud(await unseal(row.refreshToken), "at sign-out");
  await deleteClientSession(sid);
}
