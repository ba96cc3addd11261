import { discoveryStep, steps, type DiscoveryStep, type Step } from "@seven-steps/protocol";

export type StepNumber = Step["number"];
/** The steps of a lab run: the seven, and step 0 when the run begins with discovery. */
export type LabStepNumber = DiscoveryStep["number"] | StepNumber;

/** The step of the catalogue with this number; 0 is the step before the seven. */
export function stepNumbered(number: LabStepNumber): Step | DiscoveryStep {
  if (number === 0) return discoveryStep;
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
