import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";

/**
 * Attack 7: alice's app gets a Bearer token, then a DPoP-bound one (its key made in its tab, not
 * extractable); both leak to Mallory, who replays them from her server.
 */
export async function playStolenAccessToken(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ redeem: "tokens", dpop: "also" });
  if (!leak.tokens || !leak.dpopTokens) {
    return { verdict: "could-not-run", summary: `alice's app did not get both tokens (${leak.error ?? "no answer"}), so nothing could leak.` };
  }
  const { outcome } = await lab.phase("replay", { bearerToken: leak.tokens.access_token, boundToken: leak.dpopTokens.access_token });
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
