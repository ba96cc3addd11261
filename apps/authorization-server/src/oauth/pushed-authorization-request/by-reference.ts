import type { CheckTrail } from "@seven-steps/protocol";
import { RequestParameters } from "../parameters.ts";
import { checkRequestUri, spendRequestUri } from "./checks.ts";

/** An authorization request as it reached the authorization endpoint, the consent page or form. */
export interface IncomingAuthorizationRequest {
  /** What to validate: the query's own parameters, or those of the pushed request it names. */
  parameters: RequestParameters;
  /** Set when the request came by reference: the stored request it names (RFC 9126 §4). */
  pushed?: { referenceHash: string };
}

/**
 * The authorization request that `parameters` carries, or names by `request_uri`. By reference,
 * every other parameter beside `client_id` is ignored: the request is the pushed one
 * (RFC 9126 §4, RFC 9101 §5). An unusable `request_uri` throws `invalid_request_uri`, which is
 * shown to the user, never redirected: the reference was the only thing that tied this visit to
 * a redirect URI and a state, and an error sent on a guess would make this server an open
 * redirector (RFC 6749 §4.1.2.1, RFC 9700 §4.11.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export async function readAuthorizationRequest(
  parameters: RequestParameters,
  trail: CheckTrail,
  now = new Date(),
): Promise<IncomingAuthorizationRequest> {
  const requestUri = parameters.get("request_uri");
  if (requestUri === undefined) return { parameters };
  const stored = await checkRequestUri(trail, parameters, requestUri, now);
  return { parameters: RequestParameters.parse(new URLSearchParams(stored.parameters).toString()), pushed: { referenceHash: stored.referenceHash } };
}

/**
 * Spends a request that came by reference, just before its authorization response (a code, or
 * an error sent to the client) goes out; nothing for a request that came in the query.
 */
export async function spendPushedRequest(incoming: IncomingAuthorizationRequest, trail: CheckTrail, now = new Date()): Promise<void> {
  if (incoming.pushed) await spendRequestUri(trail, incoming.pushed.referenceHash, now);
}
