import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";
import { alicesRefreshTold } from "./alices-refresh";

/**
 * Attack 5: alice's app redeems its code; its token request (code and verifier) leaks; Mallory
 * sends it again. When she is refused, alice's app refreshes, showing that its grant is revoked.
 */
export async function playCodeReplay(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ redeem: "tokens", leakTokenRequest: true, keepOpen: true });
  try {
    if (!leak.code || !leak.code_verifier || !leak.tokens) {
      return { verdict: "could-not-run", summary: `alice's app did not redeem a code (${leak.error ?? "no answer"}), so there was no token request to leak.` };
    }
    const { outcome } = await lab.phase("replay", { code: leak.code, code_verifier: leak.code_verifier });
    if (!outcome) throw new Error("The attack's phase ended without an outcome.");
    if (outcome.verdict !== "refused") return outcome;
    return { ...outcome, summary: `${outcome.summary} ${alicesRefreshTold(await lab.alicesAppRefreshes())}` };
  } finally {
    lab.closeAlicesApp();
  }
}
