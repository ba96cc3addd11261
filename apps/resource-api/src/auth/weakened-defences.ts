import { weakeningRequestHeader, type RequestScopedDefenceId } from "@seven-steps/story";
import { env } from "@/env";

/**
 * For the attack lab only: whether the request asks for `defence` to be switched off, so that the
 * lab can show the attack it stops succeed.
 *
 * True only when both hold:
 * - the API runs with `ATTACK_LAB_WEAKENING=true` (`npm run dev:lab`), which it refuses to start
 *   with in a production configuration (packages/config/attack-lab.ts);
 * - the request names the defence in its `attack-lab-weaken` header, as Mallory's server does
 *   for a run "with the defence switched off". The token such a run replays was issued for
 *   another API, to whichever client asked, so no client's registration could carry the switch:
 *   it reaches this one request, and nobody else's.
 *
 * It exists so that a defence is switched off inside the one check that enforces it, by one `if`
 * around the refusal: the lab then runs the very code that protects every other request, not a
 * second, weaker copy of it. The defences are named in packages/story/src/weakenable-defences.ts.
 */
export function isWeakenedForRequest(defence: RequestScopedDefenceId, request: Request): boolean {
  if (!env.ATTACK_LAB_WEAKENING) return false;
  // Several headers of the same name arrive joined by commas (RFC 9110 §5.3).
  const asked = request.headers.get(weakeningRequestHeader)?.split(",") ?? [];
  return asked.some((id) => id.trim() === defence);
}
