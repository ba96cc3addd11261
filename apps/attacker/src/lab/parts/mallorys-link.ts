import type { AttackOutcome } from "@/attacks/attack";
import { RunFailed, type BrowserLab } from "../browser-lab";

const attempts = 120;
const pauseMilliseconds = 1000;

/**
 * Attacks 4 and 10: Mallory's page opens first (while the click still allows a tab), her server
 * registers her client and prepares the PhotoCloud link (phase "prepare"), and her page sends
 * alice there. The run ends when PhotoCloud's records of what alice's browser met there give an
 * outcome (phase "met"): alice may have to sign in first.
 */
export async function playMallorysLink(lab: BrowserLab): Promise<AttackOutcome> {
  const tab = lab.openMallorysPage("link");
  if (!tab) throw new RunFailed("The browser blocked Mallory's tab: allow pop-ups for this page and run it again.");
  const prepared = await lab.phase("prepare");
  if (prepared.outcome) return prepared.outcome;
  const page = new URL("/mallory/link", lab.origins.attacker);
  page.search = new URLSearchParams({ to: String(prepared.link), "attack-run": lab.runId }).toString();
  tab.location.assign(page.toString());
  for (let attempt = 0; attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMilliseconds));
    const { outcome } = await lab.phase("met", prepared);
    if (outcome) return outcome;
  }
  throw new RunFailed("PhotoCloud recorded nothing of alice's visit within two minutes: was the sign-in left open?");
}
