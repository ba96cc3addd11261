import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { takeKeptTokenRequest } from "@/mallory/accounts";
import { spendTokenResponse } from "@/mallory/loot";
import type { Attack } from "./attack";

/**
 * Attack 12: mix-up (RFC 9700 §4.4). alice's app knows two authorization servers, PhotoCloud and
 * Mallory's Accounts. alice starts at Mallory's (she picked it, or Mallory swapped her choice);
 * Mallory's authorization endpoint forwards her to PhotoCloud with the very same request, and
 * PhotoCloud answers at alice's app with a code. An app that takes the answer for Mallory's sends
 * the code, with its PKCE verifier, to Mallory's token endpoint: she redeems both at PhotoCloud.
 * The `iss` of the answer (RFC 9207) names PhotoCloud, and alice's app expected Mallory's Accounts.
 */
export const mixUp: Attack = {
  ...labAttack("mix-up"),
  story: {
    wants: "alice's photos, through a code PhotoCloud gives alice's app, and the PKCE verifier that goes with it.",
    has: "an authorization server of her own, Mallory's Accounts, that alice's app knows beside PhotoCloud, and that alice starts her sign-in at.",
  },
  steps: [
    "alice's app sends alice to Mallory's Accounts, with a state and a PKCE challenge of its own.",
    "Mallory's authorization endpoint forwards alice, with the same request, to PhotoCloud's. alice signs in there and allows alice's app.",
    "PhotoCloud answers at alice's app with a code, the state, and iss: PhotoCloud's issuer.",
    "An app that took the answer for Mallory's would send the code and its PKCE verifier to Mallory's token endpoint; she would redeem them at PhotoCloud.",
  ],
  defence: {
    summary:
      "The client checks the iss of the answer against the authorization server it sent the user to, and refuses an answer from any other (RFC 9207). The check runs in alice's app, in the browser: the app reports the refusal to the lab.",
    see: [rfcSection(9207, "2.4"), rfcSection(9700, "4.4.2")],
  },
  weakening: "mix-up-iss",
  needsVictimBrowser: true,
  phases: {
    async "redeem-kept"({ mallory, runId }) {
      const kept = takeKeptTokenRequest(runId);
      if (!kept) {
        return { outcome: { verdict: "refused", summary: "Mallory's token endpoint received nothing from alice's app: no code, no verifier." } };
      }
      const response = await mallory.postForm(`${env.ISSUER}/token`, { grant_type: "authorization_code", ...kept });
      return {
        outcome: await spendTokenResponse(mallory, response, {
          refused: "alice's app sent Mallory the code and its verifier, but PhotoCloud's token endpoint refused them.",
          succeeded: "alice's app took PhotoCloud's answer for Mallory's and sent her the code with its PKCE verifier; she redeemed them at PhotoCloud, and the API gave her alice's photos.",
        }),
      };
    },
  },
};
