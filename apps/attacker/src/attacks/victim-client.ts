import "server-only";
import { weakDemoClientId } from "@seven-steps/story";
import { env } from "@/env";
import type { Mallory } from "@/mallory/http";

/**
 * The client whose users the attacks target when alice's browser takes part: PrintShop's weak
 * demo client, a public client whose page at PrintShop plays "alice's app" for the lab
 * (apps/client/src/app/attack-lab/victim). Anyone may read its id and redirect URI, Mallory too.
 */
export const victimClient = {
  id: weakDemoClientId,
  redirectUri: `${env.CLIENT_APP_URL}/attack-lab/victim`,
};

/**
 * A refresh at the token endpoint, sent by Mallory as the victim client: a public client has no
 * secret, so its client_id and a refresh token are all a refresh takes (RFC 6749 §6).
 */
export function refreshAsTheVictimClient(mallory: Mallory, refreshToken: string, scope?: string): Promise<Response> {
  return mallory.postForm(`${env.ISSUER}/token`, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: victimClient.id,
    ...(scope === undefined ? {} : { scope }),
  });
}
/** PrintShop's own client_id, public as every client_id is: Mallory borrows it in attack 4. */
export const printShopClientId = "printshop";
