import { steps, type Step } from "@seven-steps/protocol";

export type StepNumber = Step["number"];

/** The step of the catalogue with this number. */
export function stepNumbered(number: StepNumber): Step {
  const step = steps.find((candidate) => candidate.number === number);
  if (!step) throw new RangeError(`There is no step ${number}.`);
  return step;
}

/** A short name for an RFC link: "RFC 6749 §4.1.1" for https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1. */
export function specName(url: string): string {
  const match = /rfc(\d+)(?:#section-([\d.]+))?/.exec(url);
  if (!match) return url;
  return match[2] ? `RFC ${match[1]} §${match[2]}` : `RFC ${match[1]}`;
}
