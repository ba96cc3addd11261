import { generateSecret } from "@/secrets/secret-hash";
import type { ClientInformationResponse } from "./client-metadata.ts";

/**
 * The answers of registrations made on the Developers page, each waiting for the one page view
 * that shows it. The client secret must not travel in a URL, which the browser keeps in its
 * history and servers write to their logs, so the form's handler keeps the answer here and sends
 * the browser to `/developers/registered/<id>`; that page takes it, and a reload finds nothing.
 *
 * This is a demo store, for a single process: it lives in this server's memory, so it works only
 * when one process serves both the form's handler and the page, and a restart forgets what is
 * waiting. Several processes would need a shared store.
 */

/** How long an answer waits for its page. */
const lifetimeMilliseconds = 5 * 60 * 1000;

interface Waiting {
  result: ClientInformationResponse;
  expiresAt: number;
}

// Kept on globalThis: Next.js may load this module once for the route handler that puts an
// answer and once more for the page that takes it, and again after each edit in development.
const globalForResults = globalThis as { sevenStepsRegistrationResults?: Map<string, Waiting> };
const waiting = (globalForResults.sevenStepsRegistrationResults ??= new Map<string, Waiting>());

function forgetExpired(now: number): void {
  for (const [id, entry] of waiting) {
    if (entry.expiresAt <= now) waiting.delete(id);
  }
}

/** Keeps a registration's answer for its page, and returns the random id that page is found by. */
export function putRegistrationResult(result: ClientInformationResponse): string {
  const now = Date.now();
  forgetExpired(now);
  const id = generateSecret();
  waiting.set(id, { result, expiresAt: now + lifetimeMilliseconds });
  return id;
}

/** The answer kept under `id`, once: it is forgotten as it is taken. Undefined when taken already or expired. */
export function takeRegistrationResult(id: string): ClientInformationResponse | undefined {
  const entry = waiting.get(id);
  waiting.delete(id);
  return entry !== undefined && entry.expiresAt > Date.now() ? entry.result : undefined;
}
