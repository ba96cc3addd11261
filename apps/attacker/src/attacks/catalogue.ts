import "server-only";
import { labAttacks } from "@seven-steps/story";
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

/**
 * The attacks of the lab, in the order of packages/story's list (src/lab-attacks.ts), which names
 * each one once. A module missing from that list, or an attack of the list without its module
 * here, stops the lab as it loads, rather than leaving a gap in its numbering.
 */
export const attacks: readonly Attack[] = inStoryOrder([
  stolenCode,
  codeInjection,
  redirectUri,
  openRedirector,
  codeReplay,
  refreshTokenReplay,
  stolenAccessToken,
  tokenForAnotherApi,
  clickjacking,
  lookAlikeClient,
  forgedTokens,
  mixUp,
  refreshScopeEscalation,
]);

/** The modules in the order of the story's list; throws when a module and the list disagree. */
export function inStoryOrder(modules: readonly Attack[]): Attack[] {
  const listed = new Set<string>(labAttacks.map((attack) => attack.id));
  const stray = modules.filter((attack) => !listed.has(attack.id)).map((attack) => attack.id);
  if (stray.length > 0) throw new Error(`Not in the lab's list of attacks (packages/story/src/lab-attacks.ts): ${stray.join(", ")}.`);
  return labAttacks.map(({ id }) => {
    const [module, ...others] = modules.filter((attack) => attack.id === id);
    if (!module || others.length > 0) {
      throw new Error(`The lab's attack "${id}" needs exactly one module in apps/attacker/src/attacks; the catalogue has ${others.length + (module ? 1 : 0)}.`);
    }
    return module;
  });
}

export function findAttack(id: string): Attack | undefined {
  return attacks.find((attack) => attack.id === id);
}

/** An attack as the card shows it: everything but its server-side code. */
export function cardOf({ phases: _phases, ...card }: Attack): AttackCard {
  return card;
}
