import { formatRequestUri, type CheckTrail, type PushedAuthorizationResponse } from "@seven-steps/protocol";
import { env } from "@/env";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { savePushedAuthorizationRequest } from "@/storage/pushed-authorization-requests";
import { validateAuthorizationRequest } from "../authorization-request/validate.ts";
import { authenticateClient } from "../client-authentication.ts";
import { checkDpopJktMatchesProof, verifyPushedRequestProof } from "../dpop.ts";
import { InvalidRequest } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { checkNoRequestUri } from "./checks.ts";

/** Parameters that authenticate the client at this endpoint; they are not part of the request kept. */
const clientAuthenticationParameters = new Set(["client_secret", "client_assertion", "client_assertion_type"]);

/**
 * A pushed authorization request (step 1, sent by the client itself), in this order:
 *
 * 1. the client authenticates exactly as at the token endpoint (RFC 9126 §2.1), a public client
 *    by its `client_id` alone;
 * 2. the request carries no `request_uri` (RFC 9126 §2.1);
 * 3. a DPoP proof, if one is sent: its key binds the code, as `dpop_jkt` would, and must be the
 *    key a `dpop_jkt` sent with it names (RFC 9449 §10.1);
 * 4. every check of the authorization endpoint (../authorization-request/validate.ts). Its errors
 *    are answered here, in JSON: there is no browser to redirect, and the client is the one to
 *    tell (RFC 9126 §2.3). The client named in the request must be the one authenticated.
 *
 * The request's parameters are kept, as pushed, under the SHA-256 of a 256-bit random reference;
 * the client gets the reference as `request_uri`, for a short while and one use.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2
 */
export async function pushAuthorizationRequest(
  request: Request,
  parameters: RequestParameters,
  trail: CheckTrail,
  now = new Date(),
): Promise<PushedAuthorizationResponse> {
  const client = await authenticateClient(trail, request, parameters);
  checkNoRequestUri(trail, parameters);
  const proof = await verifyPushedRequestProof(trail, request);
  const dpopJkt = proof ? checkDpopJktMatchesProof(trail, parameters.get("dpop_jkt"), proof.jkt) : undefined;
  const validation = await validateAuthorizationRequest(parameters, trail, { pushed: true });
  if (validation.outcome !== "valid") throw validation.error;
  if (validation.request.client.id !== client.id) {
    throw new InvalidRequest("The client_id of the request is not the client that authenticated.");
  }

  const kept = parameters.entries().filter(([name]) => !clientAuthenticationParameters.has(name) && name !== "dpop_jkt");
  // The key the request proved binds the code as dpop_jkt would (RFC 9449 §10.1).
  const boundTo = dpopJkt ?? parameters.get("dpop_jkt");
  const reference = generateSecret();
  const lifetimeSeconds = env.PUSHED_AUTHORIZATION_REQUEST_TTL_SECONDS;
  await savePushedAuthorizationRequest({
    referenceHash: hashSecret(reference),
    clientId: client.id,
    parameters: boundTo ? [...kept, ["dpop_jkt", boundTo]] : kept,
    expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000),
  });
  return { request_uri: formatRequestUri(reference), expires_in: lifetimeSeconds };
}
