import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { spendTokenResponse } from "@/mallory/loot";
import type { Attack } from "./attack";
import { victimClient } from "./victim-client";

/**
 * Attack 1: a stolen authorization code, redeemed without the PKCE verifier. The code leaks on its
 * way back to alice's app (a malicious app on her phone claiming the same redirect, a log, a
 * Referer); the verifier never left alice's app.
 */
export const stolenCode: Attack = {
  ...labAttack("stolen-code"),
  story: {
    wants: "alice's photos, through the code PhotoCloud gave alice's app.",
    has: "the code itself, stolen on its way back to alice's app. The lab hands it to her, as a leak would. She does not have the PKCE verifier: it never left alice's app.",
  },
  steps: [
    "alice's app (PrintShop's weak demo client, a public client) sends alice to PhotoCloud with a PKCE code_challenge.",
    "alice signs in and allows it; the code comes back in the address bar, and leaks to Mallory.",
    "Mallory sends the code to the token endpoint herself, as the public client, without a code_verifier.",
    "If she gets an access token, she asks the PhotoCloud API for alice's photos.",
  ],
  defence: {
    summary: "PKCE: the token endpoint redeems a code only with the code_verifier whose hash was sent at step 1.",
    see: [rfcSection(7636, "4.6"), rfcSection(9700, "2.1.1"), rfcSection(9700, "4.5")],
  },
  weakening: "pkce-verifier",
  needsVictimBrowser: true,
  phases: {
    async redeem({ mallory }, input) {
      const code = typeof input.code === "string" ? input.code : "";
      if (!code) return { outcome: { verdict: "could-not-run", summary: "No code reached Mallory: alice's app did not get one." } };
      const response = await mallory.postForm(`${env.ISSUER}/token`, {
        grant_type: "authorization_code",
        code,
        redirect_uri: victimClient.redirectUri,
        client_id: victimClient.id,
      });
      return {
        outcome: await spendTokenResponse(mallory, response, {
          refused: "The token endpoint refused the stolen code: Mallory has no code_verifier.",
          succeeded: "The token endpoint gave Mallory tokens for the stolen code, and the API gave her alice's photos.",
        }),
      };
    },
  },
};
