import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "./constant-time.ts";
import { scryptSync } from "node:crypto";
import {
  generateSecret,
  hashPassword,
  hashSecret,
  passwordNeedsRehash,
  verifyPassword,
  verifySecret,
} from "./secrets.ts";

/** A password hash as this project stored them before Argon2id: scrypt, N = 2^15, r = 8, p = 1. */
function legacyScryptHash(password: string, salt = "c2FsdHNhbHRzYWx0c2FsdA"): string {
  const key = scryptSync(password, Buffer.from(salt, "base64url"), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
  return ["scrypt", 2 ** 15, 8, 1, salt, key.toString("base64url")].join("$");
}

describe("secrets at rest", () => {
  it("generates 256-bit secrets, base64url-encoded", () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(secret);
  });

  it("stores a high-entropy secret as its SHA-256 digest", () => {
    // SHA-256("abc") from FIPS 180-2, base64url-encoded.
    expect(hashSecret("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });

  it("verifies a secret against its hash, and nothing else", () => {
    const secret = generateSecret();
    const stored = hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(verifySecret(secret, stored)).toBe(true);
    expect(verifySecret(`${secret}x`, stored)).toBe(false);
    expect(verifySecret(secret, "")).toBe(false);
  });

  it("hashes passwords with Argon2id at OWASP's minimum, and a random salt", async () => {
    const first = await hashPassword("wonderland");
    const second = await hashPassword("wonderland");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("wonderland");
  });

  it("verifies a password against its hash", async () => {
    const stored = await hashPassword("wonderland");
    expect(await verifyPassword("wonderland", stored)).toBe(true);
    expect(await verifyPassword("Wonderland", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("matches the same password typed in another Unicode form (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9");
    expect(await verifyPassword("cafe\u0301", stored)).toBe(true);
  });

  it("still verifies the scrypt hashes of databases made before Argon2id", async () => {
    const stored = legacyScryptHash("wonderland");
    expect(await verifyPassword("wonderland", stored)).toBe(true);
    expect(await verifyPassword("Wonderland", stored)).toBe(false);
  });

  it("asks for a new hash when a stored one is scrypt or has other Argon2 parameters", async () => {
    expect(passwordNeedsRehash(await hashPassword("wonderland"))).toBe(false);
    expect(passwordNeedsRehash(legacyScryptHash("wonderland"))).toBe(true);
    expect(passwordNeedsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")).toBe(
      true,
    );
  });

  it("never matches a malformed stored hash", async () => {
    const legacy = legacyScryptHash("wonderland");
    expect(await verifyPassword("wonderland", "")).toBe(false);
    expect(await verifyPassword("wonderland", "plain$wonderland")).toBe(false);
    expect(await verifyPassword("wonderland", "$argon2id$v=19$m=19456,t=2,p=1$bm90LWJhc2U2NA$")).toBe(false);
    expect(await verifyPassword("wonderland", "$argon2id$garbage")).toBe(false);
    expect(await verifyPassword("wonderland", "scrypt$-1$8$1$c2FsdA$a2V5")).toBe(false);
    // A key that decodes to nothing would compare equal to a derived key of length 0.
    expect(await verifyPassword("wonderland", "scrypt$32768$8$1$c2FsdA$")).toBe(false);
    expect(await verifyPassword("wonderland", legacy.slice(0, -4))).toBe(false);
  });

  it("compares strings in constant time, by value", () => {
    expect(constantTimeEqual("same", "same")).toBe(true);
    expect(constantTimeEqual("same", "sane")).toBe(false);
    expect(constantTimeEqual("same", "same ")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
