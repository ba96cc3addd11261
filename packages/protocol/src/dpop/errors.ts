import type { DpopErrorCode } from "../error-codes.ts";

/**
 * Why a server refuses a DPoP proof. The authorization server answers these in its JSON error
 * body with 400 (RFC 9449 §5, §8); a resource server in a `WWW-Authenticate: DPoP` challenge with
 * 401 (§7.1, §9). The `description` is sent to the caller, so it names the rule, never the proof.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-12.2
 */
export abstract class DpopProofError extends Error {
  abstract readonly code: DpopErrorCode;

  constructor(
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
    this.name = new.target.name;
  }
}

/**
 * The proof fails a check of RFC 9449 §4.3: malformed, wrongly typed or signed, for another
 * request, too old or too new, replayed, or for another access token or key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export class InvalidDpopProof extends DpopProofError {
  readonly code = "invalid_dpop_proof";
}

/**
 * The server wants a nonce of its own in the proof, and the proof has none, or a stale one. The
 * fresh nonce goes back in the `DPoP-Nonce` header, and the client retries with it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-9
 */
export class UseDpopNonce extends DpopProofError {
  readonly code = "use_dpop_nonce";

  constructor(
    description: string,
    /** The nonce to send in `DPoP-Nonce`. */
    readonly nonce: string,
  ) {
    super(description);
  }
}
