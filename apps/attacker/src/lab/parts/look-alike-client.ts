import type { AttackOutcome } from "@/attacks/attack";
import { RunFailed, type BrowserLab } from "../browser-lab";

const attempts = 120;
const pauseMilliseconds = 1000;

/**
 * Attack 10: Mallory registers her look-alike, then her page (opened first, while the click still
 * allows a tab) sends alice to PhotoCloud for it. The run ends when PhotoCloud records the consent
 * screen it showed alice: what it said is what the card reports.
 */
export async function playLookAlikeClient(lab: BrowserLab): Promise<AttackOutcome> {
  const tab = lab.openMallorysPage("look-alike");
  if (!tab) throw new RunFailed("The browser blocked Mallory's tab: allow pop-ups for this page and run it again.");
  const registered = await lab.phase("register");
  if (registered.outcome) return registered.outcome;
  const page = new URL("/mallory/look-alike", lab.origins.attacker);
  page.search = new URLSearchParams({ to: String(registered.authorizationUrl), "attack-run": lab.runId }).toString();
  tab.location.assign(page.toString());
  for (let attempt = 0; attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMilliseconds));
    const { outcome } = await lab.phase("shown");
    if (outcome) return outcome;
  }
  throw new RunFailed("PhotoCloud showed no consent screen for Mallory's look-alike within two minutes: was the sign-in left open?");
}
