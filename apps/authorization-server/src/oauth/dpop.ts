import "server-only";
import {
  defineCheck,
  DpopNonces,
  dpopNonceHeaderName,
  DpopProofError,
  rfcSection,
  UseDpopNonce as NonceWanted,
  verifyDpopProof,
  type CheckTrail,
  type VerifiedDpopProof,
} from "@seven-steps/protocol";
import { randomBytes } from "node:crypto";
import { env } from "@/env";
import type { RegisteredClient } from "@/storage/clients";
import { rememberDpopProof } from "@/storage/dpop-proofs";
import { InvalidDpopProof, InvalidRequest, UseDpopNonce } from "./errors.ts";
import { authorizationServerMetadata } from "./metadata.ts";

const source = "apps/authorization-server/src/oauth/dpop.ts";

const generated = globalThis as { sevenStepsDpopNonceSecret?: string };
if (!env.DPOP_NONCE_SECRET && !generated.sevenStepsDpopNonceSecret) {
  generated.sevenStepsDpopNonceSecret = randomBytes(32).toString("base64url");
  console.info(
    "authorization-server: DPOP_NONCE_SECRET is not set; using a random key, so another instance would refuse this one's DPoP nonces. Set it, the same for every instance, to run more than one.",
  );
}

/**
 * The DPoP nonces of this server (RFC 9449 §8): stateless, so every instance that shares
 * DPOP_NONCE_SECRET accepts the others' (packages/protocol/src/dpop/nonce.ts).
 */
const nonces = new DpopNonces(env.DPOP_NONCE_SECRET ?? generated.sevenStepsDpopNonceSecret!);

/**
 * A client registered with `dpop_bound_access_tokens: true` always uses DPoP: a token request of
 * its without a proof is refused. RFC 9449 §5.2 names no error code for it; the proof is a
 * required part of this client's request, missing, which RFC 6749 §5.2 calls `invalid_request`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5.2
 */
export const checkDpopRequiredByClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a client registered with dpop_bound_access_tokens sends a DPoP proof with every token request",
    why: "Its tokens are meant to be bound to its key: without a proof the server would issue a bearer token anyone could use.",
    see: rfcSection(9449, "5.2"),
    source,
  },
  (client: RegisteredClient, hasProof: boolean): void => {
    if (client.dpopBoundAccessTokens && !hasProof) {
      throw new InvalidRequest("This client is registered with dpop_bound_access_tokens: send a DPoP proof with the token request.");
    }
  },
);

/**
 * The DPoP proof of a request to `endpoint`, verified by the checks of RFC 9449 §4.3 (each
 * recorded in `trail`), or undefined when the request has none. The endpoint's URL is only built
 * for a request with a proof: most token requests have none. `htu` must be the endpoint as
 * this server's issuer names it, never as the request's Host header does. Its `jti` goes into the
 * replay cache that every instance shares.
 */
async function verifyProofAt(trail: CheckTrail, request: Request, endpoint: () => string): Promise<VerifiedDpopProof | undefined> {
  const proof = request.headers.get("dpop");
  if (proof === null) return undefined;
  try {
    return await verifyDpopProof({
      checkedBy: "authorization-server",
      proof,
      request: { method: request.method, url: endpoint() },
      nonces,
      requireNonce: env.DPOP_REQUIRE_NONCE,
      isFirstUse: rememberDpopProof,
      trail,
    });
  } catch (error) {
    if (error instanceof NonceWanted) throw new UseDpopNonce(error.description, error.nonce);
    if (error instanceof DpopProofError) throw new InvalidDpopProof(error.description, { cause: error });
    throw error;
  }
}

/**
 * The DPoP proof of a token request, if it has one: the key its access token is bound to.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export async function verifyTokenRequestProof(trail: CheckTrail, request: Request, client: RegisteredClient): Promise<VerifiedDpopProof | undefined> {
  if (client.dpopBoundAccessTokens) checkDpopRequiredByClient(trail, client, request.headers.has("dpop"));
  return verifyProofAt(trail, request, () => authorizationServerMetadata().token_endpoint);
}

/**
 * The DPoP proof of a pushed authorization request, if it has one: the key the code will be
 * bound to, as `dpop_jkt` would name it (RFC 9449 §10.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-10.1
 */
export function verifyPushedRequestProof(trail: CheckTrail, request: Request): Promise<VerifiedDpopProof | undefined> {
  return verifyProofAt(trail, request, () => authorizationServerMetadata().pushed_authorization_request_endpoint!);
}

/**
 * A pushed request may name its key both ways, by `dpop_jkt` and by a proof; then they must be
 * the same key. Returns the key the code is to be bound to, if any.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-10.1
 */
export const checkDpopJktMatchesProof = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a dpop_jkt sent with a DPoP proof names the proof's own key",
    why: "A request that names one key and proves another is contradicting itself: which key would the code be bound to?",
    see: rfcSection(9449, "10.1"),
    source,
  },
  (dpopJkt: string | undefined, proofJkt: string): string => {
    if (dpopJkt !== undefined && dpopJkt !== proofJkt) {
      throw new InvalidRequest("The dpop_jkt parameter is not the thumbprint of the DPoP proof's key.");
    }
    return proofJkt;
  },
);

/**
 * A fresh nonce for the answer to a request that carried a DPoP proof, so that the client's next
 * proof can carry it (RFC 9449 §8.2); no header for a request without one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8.2
 */
export async function dpopNonceHeaders(request: Request): Promise<Record<string, string>> {
  if (!request.headers.has("dpop")) return {};
  return { [dpopNonceHeaderName]: await nonces.current() };
}
