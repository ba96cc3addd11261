import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";

/** Attack 1: alice's app gets a code; it leaks to Mallory, who tries to redeem it without the verifier. */
export async function playStolenCode(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ redeem: "code" });
  if (!leak.code) return { verdict: "could-not-run", summary: `alice's app got no code (${leak.error ?? "no answer"}), so nothing could leak.` };
  const { outcome } = await lab.phase("redeem", { code: leak.code });
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
