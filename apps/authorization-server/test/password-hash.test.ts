import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "@/secrets/password-hash";

/** A password hash as this project stored them before Argon2id: scrypt, N = 2^15, r = 8, p = 1. */
function legacyScryptHash(password: string, salt = "c2FsdHNhbHRzYWx0c2FsdA"): string {
  const key = scryptSync(password, Buffer.from(salt, "base64url"), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
  return ["scrypt", 2 ** 15, 8, 1, salt, key.toString("base64url")].join("$");
}

describe("passwords at rest", () => {
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
});
