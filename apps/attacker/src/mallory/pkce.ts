import "server-only";
import { computeCodeChallenge } from "@seven-steps/protocol";
import { createHmac, randomBytes } from "node:crypto";

/**
 * A key of this process only: a run's verifier can be made again here, and guessed nowhere else.
 * Kept on `globalThis`, for Next.js bundles a page and a route handler separately, each with its
 * own copy of this module, and both must make the same verifier.
 */
const keyName = Symbol.for("seven-steps.mallory.verifier-key");
const verifierKey: Buffer = ((globalThis as Record<symbol, Buffer | undefined>)[keyName] ??= randomBytes(32));

/**
 * The PKCE code_verifier of an authorization request Mallory builds herself (attack 3): PKCE does
 * not stop her there, since she picks the challenge and keeps the verifier. Derived from the run's
 * id, so that her page, which sends alice's browser off with the challenge, and her server, which
 * redeems the code later, need not share any storage.
 */
export function mallorysVerifier(runId: string): string {
  return createHmac("sha256", verifierKey).update(runId).digest("base64url");
}

export function mallorysChallenge(runId: string): Promise<string> {
  return computeCodeChallenge(mallorysVerifier(runId));
}
