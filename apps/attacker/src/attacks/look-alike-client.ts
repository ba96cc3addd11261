import "server-only";
import { buildAuthorizationUrl, rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import type { Mallory } from "@/mallory/http";
import { readBody } from "@/mallory/loot";
import { mallorysChallenge } from "@/mallory/pkce";
import { recordedExchanges } from "@/mallory/run-records";
import type { Attack, PhaseResult } from "./attack";

const disclosureSection = rfcSection(6749, "10.2");

/** Where Mallory's look-alike sends alice back: her own shop. */
export const lookAlikeRedirectUri = `${env.ATTACKER_URL}/mallory/prints`;

/**
 * Registers a client as anyone may (RFC 7591 §3.1): Mallory's look-alike, named after the shop
 * alice knows, with her own redirect URI. Answers its client_id, or the outcome of a refusal.
 */
export async function registerLookAlike(mallory: Mallory, name: string, redirectUri: string): Promise<{ clientId?: string; outcome?: PhaseResult["outcome"] }> {
  const response = await mallory.fetch(`${env.ISSUER}/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: name, redirect_uris: [redirectUri], token_endpoint_auth_method: "none", scope: "profile photos:read" }),
  });
  const body = await readBody(response);
  const clientId = (body as { client_id?: unknown } | null)?.client_id;
  if (response.status !== 201 || typeof clientId !== "string") {
    return {
      outcome: { verdict: "could-not-run", summary: "PhotoCloud's registration endpoint did not register Mallory's client.", answer: { status: response.status, body } },
    };
  }
  return { clientId };
}

/**
 * An authorization request for `clientId` with Mallory's page as redirect URI, which her page
 * sends alice's browser to: her own client's, or another's she borrows.
 */
export async function mallorysLink(runId: string, clientId: string, scope = "profile photos:read"): Promise<URL> {
  return buildAuthorizationUrl(`${env.ISSUER}/authorize`, {
    response_type: "code",
    client_id: clientId,
    redirect_uri: lookAlikeRedirectUri,
    scope,
    state: runId,
    code_challenge: await mallorysChallenge(runId),
    code_challenge_method: "S256",
  });
}

/**
 * Attack 10: consent phishing with a look-alike client. Mallory registers "PrintShop" herself and
 * sends alice to PhotoCloud's consent screen for it, hoping alice allows what she takes for the
 * shop she knows.
 */
export const lookAlikeClient: Attack = {
  ...labAttack("look-alike-client"),
  story: {
    wants: "alice's consent to a client of her own, given because alice thinks it is PrintShop.",
    has: "PhotoCloud's open registration endpoint (RFC 7591), where anyone registers a client under any name, and a link alice clicks.",
  },
  steps: [
    "Mallory registers a client named \"PrintShop\", with her own redirect URI, at PhotoCloud's registration endpoint.",
    "Her page sends alice to PhotoCloud's authorization endpoint for that client.",
    "alice signs in if she must, and PhotoCloud's consent screen asks her about \"PrintShop\".",
    "The run ends there: the rest is alice's choice. What does the screen tell her?",
  ],
  defence: {
    summary:
      "Information: the consent screen says the client registered itself and was not reviewed, and names the host it sends alice to, so she can tell the look-alike from the shop she knows.",
    see: [disclosureSection, rfcSection(7591, "5"), rfcSection(9700, "4.11.2")],
  },
  needsVictimBrowser: true,
  phases: {
    async prepare({ mallory, runId }) {
      const registered = await registerLookAlike(mallory, "PrintShop", lookAlikeRedirectUri);
      if (!registered.clientId) return { outcome: registered.outcome };
      return { link: (await mallorysLink(runId, registered.clientId)).toString() };
    },
    /** Whether PhotoCloud has shown alice its consent screen for the look-alike, and what it told her. */
    async met({ runId }) {
      const shown = (await recordedExchanges(runId, "consent", disclosureSection)).find(({ check }) => check?.outcome === "passed");
      if (!shown) return {};
      return {
        outcome: {
          verdict: "refused",
          summary: `PhotoCloud's consent screen showed alice the look-alike with a warning (it checks ${shown.check!.rule}): "PrintShop" registered itself and was not reviewed, and Allow or Deny sends her to ${new URL(lookAlikeRedirectUri).host}, not to PrintShop. The decision is now alice's.`,
        },
      };
    },
  },
};
