import type { LoggerInstance } from "next-auth";
import { noteCallbackFailure } from "./callback-check.ts";

/**
 * Runs of 20 or more base64url characters: tokens, codes, `state` values and secrets look like
 * this, and words never do. An access token (a JWT) is three such runs joined by dots.
 */
const tokenLike = /[\w-]{20,}/g;

/** A message as it may be printed: token-like runs hidden, control characters dropped, kept short. */
export function printable(message: string): string {
  const cleaned = message.replace(tokenLike, "[redacted]").replace(/\p{Cc}+/gu, " ");
  return cleaned.length > 200 ? `${cleaned.slice(0, 200)}…` : cleaned;
}

function errorOf(metadata: unknown): unknown {
  return metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
}

function messageOf(metadata: unknown): string {
  const error = errorOf(metadata);
  return error instanceof Error ? printable(error.message) : "";
}

/**
 * next-auth's logger, so that PrintShop's log never holds a secret. By default next-auth prints
 * each error with everything it knows: the query of the callback (a `code`, a `state`, and
 * whatever an attacker put in `error_description`) and the stack. Here it prints only the error's
 * code and its message, with anything that looks like a token hidden. The error also goes to the
 * callback being answered, if any, for the inspector's record of it (callback-check.ts).
 *
 * @see https://next-auth.js.org/configuration/options#logger
 */
export const nextAuthLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    noteCallbackFailure(errorOf(metadata));
    console.error(`[next-auth] ${code}: ${messageOf(metadata)}`);
  },
  warn(code) {
    console.warn(`[next-auth] ${code}`);
  },
  debug() {},
};
