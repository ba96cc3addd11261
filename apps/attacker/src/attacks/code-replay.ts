import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { spendTokenResponse } from "@/mallory/loot";
import type { Attack } from "./attack";
import { victimClient } from "./victim-client";

/**
 * Attack 5: code replay. alice's app has redeemed its code; the whole token request, code and
 * PKCE verifier, leaks afterwards (a debugging proxy's log, a crash report), and Mallory sends it
 * again. PKCE cannot help here: she has the verifier. Single use is what stops her, and the
 * server, seeing the code twice, cannot tell who is the thief: it revokes what the first use got.
 */
export const codeReplay: Attack = {
  ...labAttack("code-replay"),
  story: {
    wants: "tokens for alice's photos, from a code alice's app has already redeemed.",
    has: "alice's app's token request, copied from a log after it was sent: the code and its code_verifier. The lab hands it to her, as the log would.",
  },
  steps: [
    "alice's app sends alice to PhotoCloud; alice signs in and allows it; the app redeems the code, with its PKCE verifier, for tokens.",
    "Its token request leaks to Mallory from a log: the code and the code_verifier.",
    "Mallory sends the same token request again, as the public client.",
    "If she gets tokens, she asks the PhotoCloud API for alice's photos. If she is refused, alice's app refreshes its tokens, and the lab shows what the replay cost it.",
  ],
  defence: {
    summary:
      "A code is used once: a second redemption is refused with invalid_grant, and the tokens issued for the first one are revoked, since the server cannot tell which of the two is the thief.",
    see: [rfcSection(6749, "4.1.2"), rfcSection(6749, "10.5")],
  },
  weakening: "code-single-use",
  needsVictimBrowser: true,
  phases: {
    async replay({ mallory }, input) {
      const code = typeof input.code === "string" ? input.code : "";
      const codeVerifier = typeof input.code_verifier === "string" ? input.code_verifier : "";
      if (!code || !codeVerifier) return { outcome: { verdict: "could-not-run", summary: "No token request reached Mallory: alice's app did not redeem a code." } };
      const response = await mallory.postForm(`${env.ISSUER}/token`, {
        grant_type: "authorization_code",
        code,
        redirect_uri: victimClient.redirectUri,
        client_id: victimClient.id,
        code_verifier: codeVerifier,
      });
      return {
        outcome: await spendTokenResponse(mallory, response, {
          refused: "The token endpoint refused the code the second time it saw it (invalid_grant), and revoked what its first use had issued.",
          succeeded: "The token endpoint redeemed the used code a second time, for Mallory, and the API gave her alice's photos.",
        }),
      };
    },
  },
};
