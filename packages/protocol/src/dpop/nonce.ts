import { base64url, type CryptoKey } from "jose";
import { constantTimeEqual } from "../constant-time.ts";

/** The response header that hands a client the nonce to put in its next proofs (RFC 9449 §8.1). */
export const dpopNonceHeaderName = "DPoP-Nonce";

/** How long one nonce is handed out; it is accepted for one window more. */
export const dpopNonceWindowSeconds = 5 * 60;

/**
 * The nonces a server hands out in `DPoP-Nonce` and demands in proofs (RFC 9449 §8, §9), with no
 * state: a nonce is the number of the current time window and an HMAC of it under the server's
 * secret. Any instance that shares the secret makes the same nonce and accepts the others', so a
 * scaled server needs no shared store for them. A nonce is accepted in its window and the next
 * one, so a client that just received one never meets a refusal at the window's edge; older ones
 * get `use_dpop_nonce` with a fresh one.
 *
 * What the nonce adds to `iat`: the proof was made after the server spoke, by the server's clock,
 * so a proof signed in advance by a client with a wrong clock, or stolen from one, goes stale.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-11.2
 */
export class DpopNonces {
  readonly #key: Promise<CryptoKey>;
  readonly #windowSeconds: number;

  constructor(secret: string, options: { windowSeconds?: number } = {}) {
    this.#windowSeconds = options.windowSeconds ?? dpopNonceWindowSeconds;
    this.#key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  }

  #windowOf(now: Date): number {
    return Math.floor(now.getTime() / 1000 / this.#windowSeconds);
  }

  async #nonceOf(window: number): Promise<string> {
    const mac = await crypto.subtle.sign("HMAC", await this.#key, new TextEncoder().encode(`dpop-nonce ${window}`));
    return `${window}.${base64url.encode(new Uint8Array(mac).slice(0, 16))}`;
  }

  /** The nonce to hand out now. Its characters are those RFC 9449 §8.1 allows (`1*NQCHAR`). */
  current(now = new Date()): Promise<string> {
    return this.#nonceOf(this.#windowOf(now));
  }

  /** Whether `nonce` was made by this secret in the current window or the one before. */
  async accepts(nonce: string, now = new Date()): Promise<boolean> {
    const match = /^(\d{1,15})\.[\w-]{22}$/.exec(nonce);
    if (!match) return false;
    const window = Number(match[1]);
    const current = this.#windowOf(now);
    if (window !== current && window !== current - 1) return false;
    return constantTimeEqual(nonce, await this.#nonceOf(window));
  }
}
