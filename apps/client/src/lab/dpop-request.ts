import { createDpopProof, dpopHeaderName, dpopNonceAskedFor } from "@seven-steps/protocol";
import { readAnswer, sendLabRequest, type LabHttpAnswer, type LabHttpRequest } from "./http-request.ts";

/**
 * Requests with a DPoP proof (RFC 9449): a new proof for every request, made just before it is
 * sent (a proof lives a minute, and its jti is accepted once), and a second try when the server
 * asks for a nonce of its own. Both tries are shown: the refusal is part of the protocol.
 */

/** A request without its proof yet, and what the proof must cover. */
export interface DpopRequestPlan {
  request: LabHttpRequest;
  /** The access token sent with the request, whose hash the proof carries as `ath` (RFC 9449 §4.2). */
  accessToken?: string;
}

/** One request as sent, its proof in the `DPoP` header, and its answer. */
export interface DpopAttempt {
  request: LabHttpRequest;
  answer: LabHttpAnswer;
}

/** The request with a fresh proof, signed by `keyPair`, carrying `nonce` when the server gave one. */
export async function withDpopProof(plan: DpopRequestPlan, keyPair: CryptoKeyPair, nonce?: string): Promise<LabHttpRequest> {
  const proof = await createDpopProof(keyPair, { htm: plan.request.method, htu: plan.request.url, accessToken: plan.accessToken, nonce });
  return { ...plan.request, headers: { ...plan.request.headers, [dpopHeaderName]: proof } };
}

/** The nonce a server asks for in this answer, or null when it did not (packages/protocol's rule). */
export function nonceAskedFor(answer: LabHttpAnswer): string | null {
  return dpopNonceAskedFor({ ...answer, header: (name) => answer.headers[name.toLowerCase()] });
}

/**
 * Sends the request with a proof, and once more with the server's nonce if it asks for one.
 * Returns every attempt, in order, and the response of the last one. `nonce` is the last one this
 * server handed out, if any. Without a key (a Bearer token: the server did not bind it), the
 * request goes as it is, for a proof would prove nothing.
 */
export async function sendWithDpop(
  plan: DpopRequestPlan,
  keyPair: CryptoKeyPair | null,
  nonce?: string,
): Promise<{ attempts: DpopAttempt[]; response: Response }> {
  if (keyPair === null) {
    const response = await sendLabRequest(plan.request);
    return { attempts: [{ request: plan.request, answer: await readAnswer(response) }], response };
  }
  const attempts: DpopAttempt[] = [];
  let request = await withDpopProof(plan, keyPair, nonce);
  let response = await sendLabRequest(request);
  let answer = await readAnswer(response);
  attempts.push({ request, answer });
  const asked = nonceAskedFor(answer);
  if (asked !== null) {
    request = await withDpopProof(plan, keyPair, asked);
    response = await sendLabRequest(request);
    answer = await readAnswer(response);
    attempts.push({ request, answer });
  }
  return { attempts, response };
}

/** The nonce to use in the next proof for the same server: the last one it sent. */
export function latestNonce(attempts: readonly DpopAttempt[], previous?: string): string | undefined {
  return attempts.findLast((attempt) => attempt.answer.headers["dpop-nonce"])?.answer.headers["dpop-nonce"] ?? previous;
}
