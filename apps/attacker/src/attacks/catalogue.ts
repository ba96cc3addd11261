import "server-only";
import type { Attack, AttackCard } from "./attack";
import { clickjacking } from "./clickjacking";
import { codeInjection } from "./code-injection";
import { codeReplay } from "./code-replay";
import { forgedTokens } from "./forged-tokens";
import { lookAlikeClient } from "./look-alike-client";
import { mixUp } from "./mix-up";
import { openRedirector } from "./open-redirector";
import { redirectUri } from "./redirect-uri";
import { refreshScopeEscalation } from "./refresh-scope-escalation";
import { refreshTokenReplay } from "./refresh-token-replay";
import { stolenAccessToken } from "./stolen-access-token";
import { stolenCode } from "./stolen-code";
import { tokenForAnotherApi } from "./token-for-another-api";

/** The attacks of the lab, in the order of the page (issue 18's list). */
export const attacks: readonly Attack[] = [
  stolenCode,
  codeInjection,
  codeReplay,
  refreshTokenReplay,
  stolenAccessToken,
  tokenForAnotherApi,
  forgedTokens,
  mixUp,
  refreshScopeEscalation,
  redirectUri,
  openRedirector,
  clickjacking,
  lookAlikeClient,
].sort((a, b) => a.number - b.number);

export function findAttack(id: string): Attack | undefined {
  return attacks.find((attack) => attack.id === id);
}

/** An attack as the card shows it: everything but its server-side code. */
export function cardOf({ phases: _phases, ...card }: Attack): AttackCard {
  return card;
}
