import type { BrowserPart } from "./browser-lab";
import { playClickjacking } from "./parts/clickjacking";
import { playCodeInjection } from "./parts/code-injection";
import { playCodeReplay } from "./parts/code-replay";
import { playMallorysLink } from "./parts/mallorys-link";
import { playMixUp } from "./parts/mix-up";
import { playRedirectUri } from "./parts/redirect-uri";
import { playRefreshScopeEscalation } from "./parts/refresh-scope-escalation";
import { playRefreshTokenReplay } from "./parts/refresh-token-replay";
import { playStolenAccessToken } from "./parts/stolen-access-token";
import { playStolenCode } from "./parts/stolen-code";
import { playTokenForAnotherApi } from "./parts/token-for-another-api";

/** The attacks whose run needs the learner's browser, by id; the others run their phase "run". */
export const browserParts: Record<string, BrowserPart> = {
  "stolen-code": playStolenCode,
  "code-injection": playCodeInjection,
  "mix-up": playMixUp,
  "code-replay": playCodeReplay,
  "refresh-token-replay": playRefreshTokenReplay,
  "refresh-scope-escalation": playRefreshScopeEscalation,
  "redirect-uri": playRedirectUri,
  clickjacking: playClickjacking,
  "open-redirector": playMallorysLink,
  "look-alike-client": playMallorysLink,
  "stolen-access-token": playStolenAccessToken,
  "token-for-another-api": playTokenForAnotherApi,
};

/** An attack that happens entirely on Mallory's server. */
export const serverOnly: BrowserPart = async (lab) => {
  const { outcome } = await lab.phase("run");
  if (!outcome) throw new Error("The attack's phase ended without an outcome.");
  return outcome;
};
