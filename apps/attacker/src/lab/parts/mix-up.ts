import type { AttackOutcome } from "@/attacks/attack";
import { checkOfAuthorizationResponseError } from "@seven-steps/protocol";
import type { BrowserLab } from "../browser-lab";

/**
 * Attack 12: alice's app starts at Mallory's Accounts and redeems what comes back. Its `iss` check
 * runs in the browser, where no server records it: the refusal comes back from alice's app with
 * the lab's leak, and the card shows that check's own description (packages/protocol).
 */
export async function playMixUp(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ authorizationServer: "mallory", redeem: "tokens", ...(lab.weakened ? { weaken: "mix-up-iss" as const } : {}) });
  const check = leak.refusal && checkOfAuthorizationResponseError(leak.refusal.code);
  if (leak.refusal && check) {
    return {
      verdict: "refused",
      summary: "alice's app refused PhotoCloud's answer: its iss names PhotoCloud, and the app had sent alice to Mallory's Accounts. Nothing went to Mallory's token endpoint.",
      refusedInBrowser: { ...check, outcome: "refused", detail: `${leak.refusal.code}: ${leak.refusal.description}` },
    };
  }
  if (!leak.code) return { verdict: "could-not-run", summary: `alice's app got no code (${leak.error ?? "no answer"}).` };
  const { outcome } = await lab.phase("redeem-kept");
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
