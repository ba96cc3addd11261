import "server-only";
import type { ClientScopedDefenceId } from "@seven-steps/story";
import { env } from "@/env";
import type { RegisteredClient } from "@/storage/clients";

/**
 * For the attack lab only: whether `defence` is switched off for `client`, so that the lab can
 * show the attack it stops succeed.
 *
 * True only when both hold:
 * - the server runs with `ATTACK_LAB_WEAKENING=true` (`npm run dev:lab`), which it refuses to
 *   start with in a production configuration (packages/config/attack-lab.ts);
 * - the client's registration lists the defence. Only the seed lists any, for the weak demo
 *   client `printshop-weak`; registration (RFC 7591) and `client:add` never do.
 *
 * It exists so that a defence is switched off inside the one check that enforces it, by one `if`
 * around the refusal: the lab then runs the very code that protects every other client, not a
 * second, weaker copy of it. The defences are named in packages/story/src/weakenable-defences.ts.
 */
export function isWeakened(defence: ClientScopedDefenceId, client: Pick<RegisteredClient, "weakenedDefences">): boolean {
  return env.ATTACK_LAB_WEAKENING && client.weakenedDefences.includes(defence);
}
