import type { BrowserPart } from "./browser-lab";
import { playCodeInjection } from "./parts/code-injection";
import { playMixUp } from "./parts/mix-up";
import { playStolenCode } from "./parts/stolen-code";

/** The attacks whose run needs the learner's browser, by id; the others run their phase "run". */
export const browserParts: Record<string, BrowserPart> = {
  "stolen-code": playStolenCode,
  "code-injection": playCodeInjection,
  "mix-up": playMixUp,
};

/** An attack that happens entirely on Mallory's server. */
export const serverOnly: BrowserPart = async (lab) => {
  const { outcome } = await lab.phase("run");
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
};
