import type { AttackOutcome } from "@/attacks/attack";
import type { MallorysCatch } from "@/app/mallory/catch/caught-code";
import { RunFailed, type BrowserLab } from "../browser-lab";

const catchTimeoutMilliseconds = 120_000;

/** Resolves with what reaches Mallory's catching page for this run (same origin as the lab). */
function mallorysCatch(runId: string): { caught: Promise<MallorysCatch>; stop: () => void } {
  let stop = () => {};
  const caught = new Promise<MallorysCatch>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new RunFailed("No code reached Mallory's page within two minutes: was the sign-in or the consent left open?"));
    }, catchTimeoutMilliseconds);
    function onMessage(event: MessageEvent) {
      const data = event.data as MallorysCatch | undefined;
      if (event.origin !== window.location.origin || data?.type !== "mallory-catch" || data.runId !== runId) return;
      stop();
      resolve(data);
    }
    stop = () => {
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
    };
    window.addEventListener("message", onMessage);
  });
  return { caught, stop };
}

/**
 * Attack 3: Mallory's page pushes alice's browser to PhotoCloud with a bent redirect URI, while her
 * server tries the three bent URIs itself. Refused, alice's tab shows PhotoCloud's error page; let
 * through, the code comes to Mallory's page and her server redeems it.
 */
export async function playRedirectUri(lab: BrowserLab): Promise<AttackOutcome> {
  lab.openMallorysPage("redirect-uri");
  const { caught, stop } = mallorysCatch(lab.runId);
  const probe = await lab.phase("probe");
  if (probe.outcome) {
    stop();
    return probe.outcome;
  }
  const { code, error } = await caught;
  if (!code) return { verdict: "could-not-run", summary: `No code reached Mallory's page (${error ?? "no answer"}).` };
  const { outcome } = await lab.phase("redeem", { code });
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
}
