import type { BrowserPart } from "./browser-lab";
import { playCodeInjection } from "./parts/code-injection";
import { playMixUp } from "./parts/mix-up";
import { playStolenAccessToken } from "./parts/stolen-access-token";
import { playStolenCode } from "./parts/stolen-code";
import { playTokenForAnotherApi } from "./parts/token-for-another-api";

/** The attacks whose run needs the learner's browser, by id; the others run their phase "run". */
export const browserParts: Record<string, BrowserPart> = {
  "stolen-code": playStolenCode,
  "code-injection": playCodeInjection,
  "mix-up": playMixUp,
  "stolen-access-token": playStolenAccessToken,
  "token-for-another-api": playTokenForAnotherApi,
};

/** An attack that happens entirely on Mallory's server. */
export const serverOnly: BrowserPart = async (lab) => {
  const { outcome } = await lab.phase("run");
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
};
