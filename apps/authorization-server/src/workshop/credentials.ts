import { randomInt } from "node:crypto";
import { sealOneTimeResult, takeOneTimeResult } from "@/oauth/registration/one-time-results";
import { saveRegistrationResult, type StoredRegistrationResult } from "@/storage/registration-results";
import type { RoomResetCounts } from "./reset.ts";

/**
 * The secrets the workshop makes for people to type, and the one-time pages that show them: a new
 * attendee's credentials after joining, a room's new code after a reset. Each page is shown once
 * and the values are never stored in clear: they wait for their page sealed, like a new client's
 * secret on the Developers page (src/oauth/registration/one-time-results.ts).
 */

/** Letters and digits that cannot be mistaken for one another on a projector: no 0/o, 1/l/i. */
const typableAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A random secret for a person to type: `groups` groups of four characters joined by hyphens,
 * such as `k7pm-x3qd-9hfa`, each character about 5 bits. Four groups (80 bits) make a password
 * nobody guesses even without throttling; sign-ins are throttled all the same.
 */
export function typableSecret(groups: number): string {
  return Array.from({ length: groups }, () => Array.from({ length: 4 }, () => typableAlphabet[randomInt(typableAlphabet.length)]).join("")).join("-");
}

/** A new password for an account the workshop makes (an attendee's, or the instructor's). */
export function generatePassword(): string {
  return typableSecret(4);
}

/** What a new attendee is shown once, after joining. */
export interface JoinCredentials {
  displayName: string;
  username: string;
  password: string;
  client_id: string;
  client_secret: string;
  redirect_uri: string;
}

const joinPurpose = "workshop join";

/**
 * Seals a new attendee's credentials for their one-time page. The row is stored by the join's
 * transaction, with the account it shows; the id goes only into the page's address.
 */
export function sealJoinCredentials(credentials: JoinCredentials, now = new Date()): Promise<{ id: string; sealed: StoredRegistrationResult }> {
  return sealOneTimeResult(credentials, joinPurpose, now);
}

/** The credentials waiting under `id`, once. Undefined when shown already, or after five minutes. */
export function takeJoinCredentials(id: string, now = new Date()): Promise<JoinCredentials | undefined> {
  return takeOneTimeResult<JoinCredentials>(id, joinPurpose, now);
}

/** What the instructor is shown once, after a reset: what went, and the room's new code. */
export interface ResetReport {
  counts: RoomResetCounts;
  code: string;
  joinUrl: string;
}

const resetPurpose = "workshop reset";

/** Stores a reset's report for its one-time page, and returns the random id that page is found by. */
export async function putResetReport(report: ResetReport, now = new Date()): Promise<string> {
  const { id, sealed } = await sealOneTimeResult(report, resetPurpose, now);
  await saveRegistrationResult(sealed);
  return id;
}

/** The report waiting under `id`, once. Undefined when shown already, or after five minutes. */
export function takeResetReport(id: string, now = new Date()): Promise<ResetReport | undefined> {
  return takeOneTimeResult<ResetReport>(id, resetPurpose, now);
}
