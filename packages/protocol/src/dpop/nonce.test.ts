import { describe, expect, it } from "vitest";
import { DpopNonces, dpopNonceWindowSeconds } from "./nonce.ts";

const secret = "a secret of at least thirty-two characters";
const now = new Date("2026-12-05T07:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("DpopNonces", () => {
  it("hands out nonces of the characters RFC 9449 §8.1 allows", async () => {
    expect(await new DpopNonces(secret).current(now)).toMatch(/^[\x21\x23-\x5B\x5D-\x7E]+$/);
  });

  it("accepts a nonce in its window and the next, and not after", async () => {
    const nonces = new DpopNonces(secret);
    const nonce = await nonces.current(now);
    expect(await nonces.accepts(nonce, now)).toBe(true);
    expect(await nonces.accepts(nonce, later(dpopNonceWindowSeconds))).toBe(true);
    expect(await nonces.accepts(nonce, later(3 * dpopNonceWindowSeconds))).toBe(false);
  });

  it("accepts the nonces of another instance with the same secret, and no other secret's", async () => {
    const nonce = await new DpopNonces(secret).current(now);
    expect(await new DpopNonces(secret).accepts(nonce, now)).toBe(true);
    expect(await new DpopNonces(`${secret}, but another`).accepts(nonce, now)).toBe(false);
  });

  it("refuses a nonce from a future window, and what is not a nonce", async () => {
    const nonces = new DpopNonces(secret);
    expect(await nonces.accepts(await nonces.current(later(2 * dpopNonceWindowSeconds)), now)).toBe(false);
    expect(await nonces.accepts("", now)).toBe(false);
    expect(await nonces.accepts("x".repeat(5000), now)).toBe(false);
  });
});
