import "server-only";
import { weakDemoClientId } from "@seven-steps/story";
import { env } from "@/env";

/**
 * The client whose users the attacks target when alice's browser takes part: PrintShop's weak
 * demo client, a public client whose page at PrintShop plays "alice's app" for the lab
 * (apps/client/src/app/attack-lab/victim). Anyone may read its id and redirect URI, Mallory too.
 */
export const victimClient = {
  id: weakDemoClientId,
  redirectUri: `${env.CLIENT_APP_URL}/attack-lab/victim`,
};

/** PrintShop's own client_id, public as every client_id is: Mallory borrows it in attack 4. */
export const printShopClientId = "printshop";
