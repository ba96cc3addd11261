import { demoMallorysResourceServer } from "@seven-steps/db/demo-data";
import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";

/**
 * Attack 8: alice's app gets a token for Mallory's Prints API and uses it there, as it should;
 * Mallory's server then replays what her API received.
 */
export async function playTokenForAnotherApi(lab: BrowserLab): Promise<AttackOutcome> {
  const mallorysApi = `${lab.origins.attacker}${demoMallorysResourceServer.path}`;
  const leak = await lab.alicesApp({ redeem: "tokens", scope: "photos:read", resource: mallorysApi });
  if (!leak.tokens) {
    const hint =
      leak.error === "invalid_target" ? ` PhotoCloud does not know Mallory's Prints API at ${mallorysApi}: the seed registers it at ATTACKER_URL (npm run db:setup).` : "";
    return { verdict: "could-not-run", summary: `alice's app got no token for Mallory's Prints API (${leak.error ?? "no answer"}).${hint}` };
  }
  // alice's app orders prints: the token goes where it is meant to go.
  const order = await fetch(mallorysApi, { headers: { authorization: `Bearer ${leak.tokens.access_token}`, "attack-run": lab.runId } });
  if (!order.ok) return { verdict: "could-not-run", summary: `Mallory's Prints API did not accept the token meant for it (${order.status}).` };
  const { outcome } = await lab.phase("replay");
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
