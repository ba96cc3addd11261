import type { AttackOutcome } from "@/attacks/attack";
import type { BrowserLab } from "../browser-lab";
import { alicesRefreshTold } from "./alices-refresh";

/**
 * Attack 6: alice's app gets tokens; Mallory copies its refresh token; the app refreshes
 * (rotation); Mallory replays the copy. When she is refused, the app refreshes again with its
 * newest refresh token, which reuse detection has revoked too.
 */
export async function playRefreshTokenReplay(lab: BrowserLab): Promise<AttackOutcome> {
  const leak = await lab.alicesApp({ redeem: "tokens", keepOpen: true });
  try {
    const stolen = leak.tokens?.refresh_token;
    if (!stolen) return { verdict: "could-not-run", summary: `alice's app got no refresh token (${leak.error ?? "no answer"}), so nothing could be stolen.` };
    const rotation = await lab.alicesAppRefreshes();
    if (rotation.status !== 200) {
      return { verdict: "could-not-run", summary: `alice's app could not refresh its tokens (${rotation.error ?? rotation.status}), so its refresh token never rotated.` };
    }
    const { outcome } = await lab.phase("replay", { refresh_token: stolen });
    if (!outcome) throw new Error("The attack's phase ended without an outcome.");
    if (outcome.verdict !== "refused") return outcome;
    const refreshed = await lab.alicesAppRefreshes();
    const why = refreshed.status === 200 ? "" : " That is reuse detection: the server cannot tell the thief's copy from the owner's, so it ends the grant for both.";
    return { ...outcome, summary: `${outcome.summary} ${alicesRefreshTold(refreshed)}${why}` };
  } finally {
    lab.closeAlicesApp();
  }
}
