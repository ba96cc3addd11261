import type { AttackOutcome } from "@/attacks/attack";
import { RunFailed, type BrowserLab } from "../browser-lab";

const page = "code-injection";

/**
 * Attack 2: Mallory's page opens in alice's browser at once (a tab opens only in answer to the
 * click); meanwhile Mallory's server gets a code for her own account. The page then receives the
 * code in its address, as if her server had put it there, and sends alice's browser on to
 * PrintShop's callback. PrintShop's record of that callback tells how it ended.
 */
export async function playCodeInjection(lab: BrowserLab): Promise<AttackOutcome> {
  const tab = lab.openMallorysPage(page);
  if (!tab) throw new RunFailed("The browser blocked the tab of Mallory's page: allow pop-ups for this page and run it again.");
  const prepared = await lab.phase("obtain-code");
  if (prepared.outcome) {
    tab.close();
    return prepared.outcome;
  }
  const { provider, code, iss } = prepared as { provider: string; code: string; iss: string };
  const withCode = new URL(`/mallory/${page}`, lab.origins.attacker);
  withCode.search = new URLSearchParams({ provider, code, iss, "attack-run": lab.runId }).toString();
  tab.location.replace(withCode.toString());
  const { outcome } = await lab.phase("verdict");
  if (!outcome) throw new Error("The attack's verdict came without an outcome.");
  return outcome;
}
