import type { RecordedExchange, Sender } from "@seven-steps/inspector";
import { attackerDescription, roleDescriptions, type RoleDescription } from "@seven-steps/story";

/** Who sent a recorded message: one of the four roles, or Mallory in the attack lab. */
export const senderDescriptions: Record<Sender, RoleDescription> = { ...roleDescriptions, attacker: attackerDescription };

/** The OAuth error code an answer carries, in its JSON body or in the query of its redirect. */
function errorOf(exchange: RecordedExchange): string | undefined {
  const body = exchange.responseBody as { error?: unknown } | null;
  if (typeof body?.error === "string") return body.error;
  const location = exchange.responseHeaders.location;
  if (!location) return undefined;
  try {
    return new URL(location, "http://relative.invalid").searchParams.get("error") ?? undefined;
  } catch {
    return undefined;
  }
}

/** One of Mallory's messages in a few words: `POST /token` and `400 invalid_grant`. */
export function describeMalloryMessage(exchange: RecordedExchange): { request: string; answer: string } {
  const error = errorOf(exchange);
  return {
    request: `${exchange.method} ${new URL(exchange.url, "http://relative.invalid").pathname}`,
    answer: error ? `${exchange.status} ${error}` : String(exchange.status),
  };
}
