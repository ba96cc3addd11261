import type { CheckRun } from "@seven-steps/protocol";
import type { LabAttack } from "@seven-steps/story";
import type { Mallory } from "@/mallory/http";

/** What the card tells before anything runs. */
export interface AttackStory {
  /** What Mallory wants. */
  wants: string;
  /** What she already has when the attack begins: a stolen code, a link alice clicks… */
  has: string;
}

/**
 * How a run ended, as the card shows it:
 * - `refused`: a defence stopped Mallory (the run's records name the check that did);
 * - `succeeded`: she got what she wanted (only ever with the defence switched off);
 * - `could-not-run`: a server was down or something the attack needs was missing.
 */
export interface AttackOutcome {
  verdict: "refused" | "succeeded" | "could-not-run";
  /** One sentence a person reads: what happened. */
  summary: string;
  /** The answer Mallory got, as she saw it. */
  answer?: { status: number; body: unknown };
  /** For an attack of several tries (four forged tokens, say): each try and the answer it got. */
  answers?: { label: string; status: number; body: unknown }[];
  /** What she holds afterwards: the titles of alice's photos, or whose account a session is. */
  loot?: string[];
  /**
   * The check that refused her when it ran in alice's browser, where no server records it: as
   * alice's app reported it, with the check's own description (packages/protocol).
   */
  refusedInBrowser?: CheckRun;
}

/** What one server-side phase of a run hands back to the card: maybe the outcome, maybe data for the next phase. */
export interface PhaseResult {
  outcome?: AttackOutcome;
  [key: string]: unknown;
}

export interface AttackContext {
  runId: string;
  /** The learner asked for the run with the attack's defence switched off (and the apps allow it). */
  weakened: boolean;
  mallory: Mallory;
}

export type Phase = (context: AttackContext, input: Record<string, unknown>) => Promise<PhaseResult>;

/**
 * What the card shows about an attack: everything but the code that runs it. Its id, number and
 * title are packages/story's (`labAttack(id)`), where the lab's list of attacks lives.
 */
export interface AttackCard extends LabAttack {
  story: AttackStory;
  steps: string[];
  /** The defence, in a phrase, with the specification sections behind it (rfc-editor.org links). */
  defence: { summary: string; see: string[] };
  /** The defence that can be switched off for this attack (packages/story's catalogue), if any. */
  weakening?: string;
  /** Whether the run needs the learner's browser, signed in at PhotoCloud, as alice. */
  needsVictimBrowser: boolean;
}

/** An attack: its card, and the server-side phases its run calls, by name. */
export interface Attack extends AttackCard {
  phases: Record<string, Phase>;
}

/**
 * Something the attack needs, that any user may get (Mallory's own token, the published keys),
 * could not be had: the run says so, with the verdict "could-not-run".
 */
export class MissingPrerequisite extends Error {
  override readonly name = "MissingPrerequisite";
}
