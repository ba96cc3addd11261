import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { spendTokenResponse } from "@/mallory/loot";
import type { Attack } from "./attack";
import { refreshAsTheVictimClient } from "./victim-client";

/**
 * Attack 6: a stolen refresh token, replayed after its owner used it. Refresh tokens of a public
 * client rotate: each refresh gives a new one and retires the old. The old one coming back means
 * two parties hold copies; the server cannot tell the thief from the owner, so it ends the grant,
 * and both lose it.
 */
export const refreshTokenReplay: Attack = {
  ...labAttack("refresh-token-replay"),
  story: {
    wants: "alice's photos for as long as she likes, with a refresh token of alice's app.",
    has: "a copy of alice's app's refresh token, stolen from the app's storage. The lab hands it to her, as the theft would. Since then, alice's app has refreshed its tokens once.",
  },
  steps: [
    "alice's app (a public client) gets tokens for alice: an access token and a refresh token.",
    "Mallory copies the refresh token.",
    "alice's app refreshes its tokens: it gets a new refresh token, and the one Mallory copied is retired (rotation).",
    "Mallory sends the copied refresh token to the token endpoint.",
    "If she gets tokens, she asks the PhotoCloud API for alice's photos. If she is refused, alice's app refreshes again with its new refresh token.",
  ],
  defence: {
    summary:
      "Refresh token rotation with reuse detection: a retired refresh token used again revokes the whole grant, the newest refresh token too, because the server cannot tell the thief from the owner.",
    see: [rfcSection(9700, "4.14.2"), rfcSection(6749, "10.4")],
  },
  weakening: "refresh-token-reuse-detection",
  needsVictimBrowser: true,
  phases: {
    async replay({ mallory }, input) {
      const refreshToken = typeof input.refresh_token === "string" ? input.refresh_token : "";
      if (!refreshToken) return { outcome: { verdict: "could-not-run", summary: "No refresh token reached Mallory: alice's app got none." } };
      const response = await refreshAsTheVictimClient(mallory, refreshToken);
      return {
        outcome: await spendTokenResponse(mallory, response, {
          refused: "The token endpoint refused the retired refresh token (invalid_grant) and revoked alice's app's grant.",
          succeeded: "The retired refresh token still worked: Mallory got fresh tokens, a refresh token of her own in alice's grant, and alice's photos.",
        }),
      };
    },
  },
};
