import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";

/** Attack 13: alice's app is allowed to read; its refresh token leaks; Mallory asks the refresh for photos:write. */
export async function playRefreshScopeEscalation(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ scope: "profile photos:read", redeem: "tokens" });
  const stolen = leak.tokens?.refresh_token;
  if (!stolen) return { verdict: "could-not-run", summary: `alice's app got no refresh token (${leak.error ?? "no answer"}), so nothing could leak.` };
  const { outcome } = await lab.phase("escalate", { refresh_token: stolen });
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
