import type { Role } from "../roles.ts";

/**
 * One rule a server enforces on a request, described next to the code that enforces it, so that
 * the inspector can say what was checked, why, and where to read it. The description is never
 * written anywhere else: what the inspector shows is what ran.
 */
export interface Check {
  /** Who enforces the rule. */
  checkedBy: Role;
  /** What is checked, as a phrase: "the code_verifier hashes to the code_challenge of step 1". */
  rule: string;
  /** Why the rule exists: the attack or mistake it stops. */
  why: string;
  /** The specification section, as an rfc-editor.org link with its section. */
  see: string;
  /** The file of this repository that exports the check, from the repository's root. */
  source: string;
}

/**
 * - `passed`: the rule held;
 * - `refused`: it did not, and the request was answered with an error (`detail` says which);
 * - `failed`: the check itself could not run to its end (a bug, or the database), which is not the
 *   request's fault; no detail is kept;
 * - `switched-off`: the rule did not hold, and the attack lab's switch for it let the request
 *   through (only on apps started with ATTACK_LAB_WEAKENING; `detail` says what went through).
 */
export type CheckOutcome = "passed" | "refused" | "failed" | "switched-off";

/** A check as it ran on one request. */
export interface CheckRun extends Check {
  outcome: CheckOutcome;
  /** For a refusal: the error code and description the request was answered with; for a switched-off check, what went through. */
  detail?: string;
}

/**
 * Thrown by a check whose rule did not hold when the attack lab's switch for it is on: instead of
 * the specification's error, the check ends here, the trail records it as `switched-off` with
 * `detail`, and the check's caller gets `value`, what the check returns when the rule holds. So a
 * switched-off defence is never recorded as passed.
 */
export class DefenceSwitchedOff extends Error {
  override readonly name = "DefenceSwitchedOff";

  constructor(
    readonly detail: string,
    readonly value?: unknown,
  ) {
    super(detail);
  }
}

/**
 * The words of a refusal: an error of a specification carries the description sent to the caller
 * and, most often, its error code (RFC 6750 §3.1 has none for a request without credentials).
 */
function refusalOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, description } = error as { code?: unknown; description?: unknown };
  if (typeof description !== "string") return undefined;
  return typeof code === "string" ? `${code}: ${description}` : description;
}

/**
 * The checks that ran on one request, in order, with their outcomes. A route creates one per
 * request, hands it to every check, and gives it to the inspector's recorder with the answer.
 */
export class CheckTrail {
  readonly runs: CheckRun[] = [];

  passed(check: Check): void {
    this.runs.push({ ...check, outcome: "passed" });
  }

  refused(check: Check, detail: string): void {
    this.runs.push({ ...check, outcome: "refused", detail });
  }

  /** Records that the rule did not hold and the attack lab's switch let the request through. */
  switchedOff(check: Check, detail: string): void {
    this.runs.push({ ...check, outcome: "switched-off", detail });
  }

  /** Records whether a check that answers yes or no held, with the refusal's detail; returns `held`. */
  holds(check: Check, held: boolean, refusal: string): boolean {
    if (held) this.passed(check);
    else this.refused(check, refusal);
    return held;
  }

  /** Records how `error`, thrown by `check`, ended it: refused for a protocol error, else failed. */
  threw(check: Check, error: unknown): void {
    const refusal = refusalOf(error);
    if (refusal !== undefined) this.refused(check, refusal);
    else this.runs.push({ ...check, outcome: "failed" });
  }

  /**
   * Runs `enforce` as `check`: passed when it returns, refused (or failed) when it throws, and the
   * error thrown on. A promise is followed to its end. A {@link DefenceSwitchedOff} is recorded as
   * switched off, and its value returned as if the check had passed.
   */
  run<Result>(check: Check, enforce: () => Result): Result {
    let result: Result;
    try {
      result = enforce();
    } catch (error) {
      if (error instanceof DefenceSwitchedOff) return this.letThrough(check, error) as Result;
      this.threw(check, error);
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          this.passed(check);
          return value;
        },
        (error: unknown) => {
          if (error instanceof DefenceSwitchedOff) return this.letThrough(check, error);
          this.threw(check, error);
          throw error;
        },
      ) as Result;
    }
    this.passed(check);
    return result;
  }

  private letThrough(check: Check, switchedOff: DefenceSwitchedOff): unknown {
    this.switchedOff(check, switchedOff.detail);
    return switchedOff.value;
  }
}

/** A function that enforces a rule and records itself in the request's trail. */
export type CheckFunction<Args extends unknown[], Result> = ((trail: CheckTrail, ...args: Args) => Result) & { readonly check: Check };

/**
 * Joins a rule's description to the function that enforces it. The result takes the request's
 * {@link CheckTrail} first, then the function's own arguments, and records each run there. A check
 * enforces by throwing the specification's error.
 *
 * @example
 * export const checkPkce = defineCheck({ checkedBy: "authorization-server", rule: "…", why: "…", see: rfcSection(7636, "4.4.1"), source: "…" },
 *   (parameters: RequestParameters) => { … });
 * checkPkce(trail, parameters);
 */
export function defineCheck<Args extends unknown[], Result>(check: Check, enforce: (...args: Args) => Result): CheckFunction<Args, Result> {
  const checked = (trail: CheckTrail, ...args: Args): Result => trail.run(check, () => enforce(...args));
  return Object.assign(checked, { check });
}

/** A section of an RFC, as a link for {@link Check.see}. */
export function rfcSection(number: number, section: string): string {
  return `https://www.rfc-editor.org/rfc/rfc${number}#section-${section}`;
}

/** The words for a link made by {@link rfcSection}: "RFC 7636 §4.6". Any other link is shown as it is. */
export function rfcSectionLabel(link: string): string {
  const match = /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc(\d+)#section-([\w.-]+)$/.exec(link);
  return match ? `RFC ${match[1]} §${match[2]}` : link;
}
