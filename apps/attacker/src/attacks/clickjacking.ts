import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { recordedExchanges } from "@/mallory/run-records";
import { mallorysChallenge } from "@/mallory/pkce";
import type { Attack } from "./attack";
import { victimClient } from "./victim-client";

const framingSection = rfcSection(9700, "4.16");

/**
 * The consent page Mallory frames: PhotoCloud's, for the weak demo client, asking for alice's
 * photos. The page shows the request without deciding anything; only a click on Allow would.
 */
export async function framedConsentUrl(runId: string): Promise<URL> {
  const url = new URL(`${env.ISSUER}/consent`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: victimClient.id,
    redirect_uri: victimClient.redirectUri,
    scope: "profile photos:read",
    state: runId,
    code_challenge: await mallorysChallenge(runId),
    code_challenge_method: "S256",
  }).toString();
  return url;
}

/**
 * Attack 9: clickjacking the consent screen. Mallory's page shows PhotoCloud's consent page in a
 * frame alice cannot see, under a decoy button placed where Allow is.
 */
export const clickjacking: Attack = {
  ...labAttack("clickjacking"),
  story: {
    wants: "alice's click on PhotoCloud's Allow button, without alice seeing the question.",
    has: "a page alice visits, \"Claim your free prints\", and the weak demo client's public client_id and redirect URI.",
  },
  steps: [
    "Mallory's page loads PhotoCloud's consent page for the weak demo client in a frame, nearly invisible.",
    "Her decoy button, \"Claim your free prints\", sits right under the frame's Allow button.",
    "If the browser shows the frame, alice's click on the decoy is a click on Allow.",
  ],
  defence: {
    summary:
      "PhotoCloud's pages, the consent page above all, forbid framing: Content-Security-Policy frame-ancestors 'none' and X-Frame-Options DENY. The browser then leaves the frame empty.",
    see: [framingSection, rfcSection(6749, "10.13")],
  },
  weakening: "consent-frame-ancestors",
  needsVictimBrowser: true,
  phases: {
    /** Whether PhotoCloud has recorded its consent page asked for inside Mallory's frame, and with which headers. */
    async framed({ runId }) {
      const framed = await recordedExchanges(runId, "consent", framingSection);
      const asked = framed.find(({ exchange }) => exchange.from === "attacker");
      if (!asked) return {};
      const answer = { status: asked.exchange.status, body: pick(asked.exchange.responseHeaders, ["content-security-policy", "x-frame-options"]) };
      if (asked.check?.outcome === "refused") {
        return {
          outcome: {
            verdict: "refused",
            summary:
              "Mallory's page asked for PhotoCloud's consent page in a frame; PhotoCloud answered frame-ancestors 'none' and X-Frame-Options DENY, and alice's browser left the frame empty: the decoy button is just a button.",
            answer,
          },
        };
      }
      return {
        outcome: {
          verdict: "succeeded",
          summary:
            "PhotoCloud sent its consent page without frame-ancestors or X-Frame-Options, and alice's browser showed it inside Mallory's page, under her decoy: a click on \"Claim your free prints\" is a click on Allow.",
          answer,
          loot: ["PhotoCloud's consent page for alice, in Mallory's frame, under her decoy button"],
        },
      };
    },
  },
};

function pick(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (headers[name] === undefined ? [] : [[name, headers[name]]])));
}
