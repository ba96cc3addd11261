import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "./constant-time.ts";
import { generateSecret, hashPassword, hashSecret, verifyPassword, verifySecret } from "./secrets.ts";

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

  it("hashes passwords with scrypt and a random salt", async () => {
    const first = await hashPassword("wonderland");
    const second = await hashPassword("wonderland");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("wonderland");
  });

  it("verifies a password against its hash", async () => {
    const stored = await hashPassword("wonderland");
    expect(await verifyPassword("wonderland", stored)).toBe(true);
    expect(await verifyPassword("Wonderland", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("never matches a malformed stored hash", async () => {
    expect(await verifyPassword("wonderland", "")).toBe(false);
    expect(await verifyPassword("wonderland", "plain$wonderland")).toBe(false);
    expect(await verifyPassword("wonderland", "scrypt$-1$8$1$c2FsdA$a2V5")).toBe(false);
  });

  it("compares strings in constant time, by value", () => {
    expect(constantTimeEqual("same", "same")).toBe(true);
    expect(constantTimeEqual("same", "sane")).toBe(false);
    expect(constantTimeEqual("same", "same ")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
