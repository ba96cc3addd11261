import "server-only";
import type { Attack, AttackCard } from "./attack";
import { codeInjection } from "./code-injection";
import { mixUp } from "./mix-up";
import { stolenCode } from "./stolen-code";

/** The attacks of the lab, in the order of the page (issue 18's list). */
export const attacks: readonly Attack[] = [stolenCode, codeInjection, mixUp].sort((a, b) => a.number - b.number);

export function findAttack(id: string): Attack | undefined {
  return attacks.find((attack) => attack.id === id);
}

/** An attack as the card shows it: everything but its server-side code. */
export function cardOf({ phases: _phases, ...card }: Attack): AttackCard {
  return card;
}
