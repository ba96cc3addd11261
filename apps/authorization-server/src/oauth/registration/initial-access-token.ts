import { constantTimeEqual } from "@seven-steps/protocol";
import { env } from "@/env";
import { InvalidToken } from "./errors.ts";

/**
 * The token of an `Authorization: Bearer` header (RFC 6750 §2.1; the scheme is
 * case-insensitive), or undefined when there is none.
 */
export function bearerTokenOf(request: Request): string | undefined {
  const [scheme, token, ...rest] = (request.headers.get("authorization") ?? "").trim().split(/\s+/);
  return scheme?.toLowerCase() === "bearer" && token && rest.length === 0 ? token : undefined;
}

/**
 * Who may register a client. With `REGISTRATION_ACCESS_TOKEN` set, only whoever presents that
 * initial access token, compared in constant time. Without it registration is open: anyone who
 * can reach this server may register a client, which suits a workshop on a laptop and nothing
 * else.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export function checkInitialAccessToken(presented: string | undefined): void {
  const expected = env.REGISTRATION_ACCESS_TOKEN;
  if (expected === undefined) return;
  if (presented === undefined || !constantTimeEqual(presented, expected)) {
    throw new InvalidToken("Registration requires the initial access token of this server, as a Bearer token.", presented !== undefined);
  }
}

/** Whether registering asks for an initial access token, so a form knows to ask for it. */
export function registrationIsOpen(): boolean {
  return env.REGISTRATION_ACCESS_TOKEN === undefined;
}
