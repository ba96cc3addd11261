import "server-only";
import { attackLabPages } from "@seven-steps/inspector";
import { env } from "@/env";

/**
 * Where the lab's own pages are (this app, and PrintShop's page that plays alice's app): only a
 * Referer from them, or Mallory's header, names the run a request belongs to.
 */
export const attackLab = attackLabPages([env.ATTACKER_URL, env.CLIENT_APP_URL]);
