import "server-only";
import { env } from "@/env";
import { Mallory, OutsideTheLab, TargetDown } from "@/mallory/http";
import { maskJson } from "@seven-steps/inspector";
import { MissingPrerequisite, type Attack, type PhaseResult } from "./attack";
import type { RunRequest } from "./run-request";

/**
 * Runs one phase of an attack as Mallory, and answers what the card shows. A run with the defence
 * switched off is refused here unless the apps were started for the lab (ATTACK_LAB_WEAKENING);
 * an app that is down gives the verdict "could-not-run" with its name, never an error page.
 */
export async function runPhase(attack: Attack, phase: string, { runId, weakened, input }: RunRequest): Promise<Response> {
  if (weakened && !(env.ATTACK_LAB_WEAKENING && attack.weakening)) {
    const why = attack.weakening
      ? "the apps were not started for the lab. Start them with `npm run dev:lab` to switch a defence off."
      : "this attack's defence has no switch.";
    return Response.json({ error: "invalid_request", error_description: `The defence cannot be switched off: ${why}` }, { status: 400 });
  }
  const mallory = new Mallory(runId, weakened ? attack.weakening : undefined);
  try {
    return Response.json(shownOnThePage(await attack.phases[phase]!({ runId, weakened, mallory }, input)));
  } catch (error) {
    if (error instanceof TargetDown || error instanceof OutsideTheLab || error instanceof MissingPrerequisite) {
      return Response.json({ outcome: { verdict: "could-not-run", summary: error.message } });
    }
    throw error;
  }
}

/**
 * What a phase answers, as the page may show it: the answer Mallory got is masked the way the
 * inspector masks what it stores (codes, refresh tokens; access tokens without their signature),
 * for the page is no place for usable tokens, even stolen demo ones. Data handed to the card for
 * a later phase is left as it is.
 */
function shownOnThePage(result: PhaseResult): PhaseResult {
  const { outcome } = result;
  if (!outcome?.answer && !outcome?.answers) return result;
  return {
    ...result,
    outcome: {
      ...outcome,
      ...(outcome.answer ? { answer: { ...outcome.answer, body: maskJson(outcome.answer.body) } } : {}),
      ...(outcome.answers ? { answers: outcome.answers.map((each) => ({ ...each, body: maskJson(each.body) })) } : {}),
    },
  };
}
