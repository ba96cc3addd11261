import type { PlainFailure } from "./plain-words.ts";

/** One kind of mistake in the room: what went wrong, in plain words, how often and by how many. */
export interface Mistake {
  words: string;
  /** The error code the server answered with, when it sent one. */
  error: string | null;
  /** How many refused requests it caused. */
  times: number;
  /** How many attendees made it. */
  attendees: number;
}

/**
 * The room's mistakes, to discuss: every refused request of an attendee, grouped by what went
 * wrong in plain words. The most frequent first, that is the one the most attendees made, then the
 * one that caused the most refusals (one attendee retrying twenty times is one person stuck, not
 * twenty), then alphabetically, so the order holds still between two polls.
 */
export function tallyMistakes(refusals: { attendeeId: string; failure: PlainFailure }[]): Mistake[] {
  const byWords = new Map<string, { error: string | null; times: number; attendees: Set<string> }>();
  for (const { attendeeId, failure } of refusals) {
    const mistake = byWords.get(failure.words) ?? { error: failure.error, times: 0, attendees: new Set<string>() };
    mistake.times += 1;
    mistake.attendees.add(attendeeId);
    byWords.set(failure.words, mistake);
  }
  return [...byWords]
    .map(([words, { error, times, attendees }]) => ({ words, error, times, attendees: attendees.size }))
    .sort((a, b) => b.attendees - a.attendees || b.times - a.times || a.words.localeCompare(b.words));
}
