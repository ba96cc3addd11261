import type { AttackOutcome } from "@/attacks/attack";
import { RunFailed, type BrowserLab } from "../browser-lab";

const attempts = 20;
const pauseMilliseconds = 1000;

/**
 * Attack 9: Mallory's page frames PhotoCloud's consent page in alice's browser. Whether the browser
 * shows it cannot be seen from Mallory's page (the frame is another origin's): PhotoCloud's record
 * of the page it served into the frame, with its headers, says.
 */
export async function playClickjacking(lab: BrowserLab): Promise<AttackOutcome> {
  lab.openMallorysPage("free-prints");
  for (let attempt = 0; attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMilliseconds));
    const { outcome } = await lab.phase("framed");
    if (outcome) return outcome;
  }
  throw new RunFailed("PhotoCloud recorded no request for its consent page from Mallory's frame: is the authorization server running, and recording?");
}
