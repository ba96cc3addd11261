import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The secrets the authorization server makes itself: authorization codes, refresh tokens, client
 * secrets, session tokens. Each is 256 random bits, so guessing one is hopeless and a fast SHA-256
 * hash is enough to store it; none is ever stored in clear (RFC 6749 §10.3 and §10.5, RFC 6819
 * §5.1.4.1.3). Passwords, which people choose, are hashed otherwise: see password-hash.ts.
 */

/**
 * A new random secret: `bytes` random octets (32 by default, 256 bits), base64url-encoded.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * The stored form of a high-entropy secret: its SHA-256 digest, base64url-encoded.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.4.1.3
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

/** Whether `secret` matches a hash made by {@link hashSecret}, compared in constant time. */
export function verifySecret(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "utf8");
  const expected = Buffer.from(storedHash, "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
