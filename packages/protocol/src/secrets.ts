import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * How the authorization server creates and stores secrets. None is ever stored in clear
 * (RFC 6749 §10.3 and §10.5, RFC 6819 §5.1.4.1.3):
 *
 * - Secrets the server makes itself (authorization codes, refresh tokens, client secrets) are
 *   256 random bits. Guessing one is hopeless, so a fast SHA-256 hash is enough to store them.
 * - Passwords are chosen by people and can be guessed, so they get scrypt, a slow, memory-hard
 *   hash with a random salt.
 *
 * This module uses `node:crypto`, so it is imported as `@seven-steps/protocol/secrets`, on the
 * server only.
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

const scryptParameters = { N: 2 ** 15, r: 8, p: 1 } as const;
const scryptKeyLength = 32;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, scryptKeyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * The stored form of a password: `scrypt$N$r$p$salt$key`, with a random 16-octet salt.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, scryptParameters);
  const { N, r, p } = scryptParameters;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Whether `password` matches a hash made by {@link hashPassword}, compared in constant time.
 * A malformed stored hash never matches.
 */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = storedHash.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await deriveKey(password, Buffer.from(salt, "base64url"), options).catch(() => null);
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}
