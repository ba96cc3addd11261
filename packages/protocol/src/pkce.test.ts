import { afterEach, describe, expect, it, vi } from "vitest";
import {
  computeCodeChallenge,
  generateCodeVerifier,
  isCodeVerifier,
  isS256CodeChallenge,
  verifyCodeChallenge,
} from "./pkce.ts";

// RFC 7636 Appendix B: the worked example of the S256 method.
const appendixBVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const appendixBChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE S256 (RFC 7636)", () => {
  it("reproduces the example of Appendix B", async () => {
    expect(await computeCodeChallenge(appendixBVerifier)).toBe(appendixBChallenge);
  });

  it("accepts the verifier of Appendix B against its challenge", async () => {
    expect(await verifyCodeChallenge(appendixBVerifier, appendixBChallenge)).toBe(true);
  });

  it("rejects a different verifier", async () => {
    const other = appendixBVerifier.slice(0, -1) + "l";
    expect(await verifyCodeChallenge(other, appendixBChallenge)).toBe(false);
  });

  it("rejects a verifier sent as its own challenge, as the plain method would allow", async () => {
    expect(await verifyCodeChallenge(appendixBVerifier, appendixBVerifier)).toBe(false);
  });

  it("generates 43-character verifiers from 256 random bits, never twice the same", () => {
    const verifiers = new Set(Array.from({ length: 100 }, generateCodeVerifier));
    expect(verifiers.size).toBe(100);
    for (const verifier of verifiers) {
      expect(verifier).toHaveLength(43);
      expect(isCodeVerifier(verifier)).toBe(true);
    }
  });

  it.each([
    ["42 characters, one too short", "a".repeat(42), false],
    ["43 characters", "a".repeat(43), true],
    ["128 characters", "a".repeat(128), true],
    ["129 characters, one too long", "a".repeat(129), false],
    ["every unreserved character", "AZaz09-._~".repeat(5), true],
    ["a plus sign", "+".repeat(43), false],
    ["a slash", `${"a".repeat(42)}/`, false],
    ["a space", `${"a".repeat(42)} `, false],
    ["a non-ASCII letter", `${"a".repeat(42)}é`, false],
  ])("checks the verifier grammar: %s", (_label, verifier, valid) => {
    expect(isCodeVerifier(verifier)).toBe(valid);
  });

  it("refuses to compute a challenge from a malformed verifier", async () => {
    await expect(computeCodeChallenge("too-short")).rejects.toThrow(TypeError);
  });

  it("recognises S256 challenges by their shape", () => {
    expect(isS256CodeChallenge(appendixBChallenge)).toBe(true);
    expect(isS256CodeChallenge(appendixBChallenge.slice(1))).toBe(false);
    expect(isS256CodeChallenge(`${appendixBChallenge}A`)).toBe(false);
    expect(isS256CodeChallenge(appendixBChallenge.replace("-", "+"))).toBe(false);
  });
});

// A page over plain http is no secure context: the browser gives it getRandomValues, but no
// crypto.subtle. computeCodeChallenge then hashes with @noble/hashes.
describe("PKCE S256 without WebCrypto", () => {
  const { getRandomValues } = crypto;
  const withoutSubtle = () => vi.stubGlobal("crypto", { getRandomValues: getRandomValues.bind(crypto) });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reproduces the example of Appendix B", async () => {
    withoutSubtle();
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await computeCodeChallenge(appendixBVerifier)).toBe(appendixBChallenge);
  });

  it("gives the same challenges as WebCrypto for random verifiers of every length", async () => {
    const verifiers = Array.from({ length: 50 }, (_, index) => {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
      const length = 43 + ((index * 17) % 86);
      return Array.from(crypto.getRandomValues(new Uint8Array(length)), (octet) => alphabet[octet % alphabet.length]).join("");
    });
    const withWebCrypto = await Promise.all(verifiers.map(computeCodeChallenge));
    withoutSubtle();
    const withoutWebCrypto = await Promise.all(verifiers.map(computeCodeChallenge));
    expect(withoutWebCrypto).toEqual(withWebCrypto);
  });
});
