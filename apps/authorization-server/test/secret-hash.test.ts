import { describe, expect, it } from "vitest";
import { generateSecret, hashSecret, verifySecret } from "@/secrets/secret-hash";

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
});
