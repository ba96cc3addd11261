import type { JWTPayload } from "jose";

export interface VerifiedTokensOptions {
  /** How long a verification is reused. Keys the issuer withdraws are noticed within this. */
  maxAgeMilliseconds?: number;
  /** The most tokens remembered; the oldest is forgotten first. */
  maxEntries?: number;
}

/**
 * Access tokens that {@link verifyAccessToken} has already verified, with their claims. A client
 * sends the same token with every request until it expires, and the signature of the same bytes
 * under the same key cannot change, so checking it again (an ECDSA verification, the largest
 * cost of a protected request) is work repeated for nothing.
 *
 * An entry is used only while the token is unexpired, as jose would judge it with the same
 * leeway, and for at most `maxAgeMilliseconds`: after that the token is verified again in full,
 * which also notices a key the issuer no longer publishes. Only tokens whose signature and
 * claims verified are remembered; a refused token is checked again each time.
 */
export class VerifiedTokens {
  readonly #maxAgeMilliseconds: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { payload: JWTPayload; usableUntil: number }>();

  constructor(options: VerifiedTokensOptions = {}) {
    this.#maxAgeMilliseconds = options.maxAgeMilliseconds ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 1_000;
  }

  /** The claims of `token` if it was verified recently and has not expired since; otherwise undefined. */
  claimsOf(token: string, now: number): JWTPayload | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (now < entry.usableUntil) return entry.payload;
    this.#entries.delete(token);
    return undefined;
  }

  /** Remembers a token that has just passed verification at `now`, with `clockToleranceSeconds` of leeway on `exp`. */
  remember(token: string, payload: JWTPayload, now: number, clockToleranceSeconds: number): void {
    // jose refuses a token once `exp <= now - tolerance` (in whole seconds): it is usable before.
    const expiresAt = ((payload.exp ?? 0) + clockToleranceSeconds) * 1000;
    const usableUntil = Math.min(now + this.#maxAgeMilliseconds, expiresAt);
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, { payload, usableUntil });
  }
}
