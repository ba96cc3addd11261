import type { Account } from "next-auth";
import { createClientSession, deleteClientSession } from "@/storage/client-sessions";
import { seal } from "./vault.ts";

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

/** Sign-out: PrintShop forgets the tokens it held for this session. */
export async function endSignedInSession(sid: string): Promise<void> {
  await deleteClientSession(sid);
}
