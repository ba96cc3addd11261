import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import { scrypt, timingSafeEqual } from "node:crypto";

/**
 * How the authorization server stores passwords. People choose them, so they can be guessed: each
 * gets Argon2id, a slow, memory-hard hash with a random salt, and is never stored in clear
 * (RFC 6819 §5.1.4.1.3). The secrets the server makes itself are hashed otherwise: see
 * secret-hash.ts.
 */

/**
 * Argon2id with the parameters OWASP's Password Storage Cheat Sheet gives as its minimum: 19 MiB
 * of memory, 2 passes, 1 lane. It costs about 16 ms on this project's machine. The scrypt this
 * project used before cost 80 ms at N = 2^15, a quarter of OWASP's minimum for scrypt (2^17,
 * which would cost 340 ms).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
 */
const argon2idParameters = {
  // Algorithm.Argon2id, which TypeScript cannot read from the package (a `const enum`).
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The start of a hash made with today's parameters, in the PHC string format Argon2 uses. */
const currentPrefix = `$argon2id$v=19$m=${argon2idParameters.memoryCost},t=${argon2idParameters.timeCost},p=${argon2idParameters.parallelism}$`;

/** Passwords are compared as Unicode NFKC, so that the same password typed on two keyboards matches. */
function normalized(password: string): string {
  return password.normalize("NFKC");
}

/**
 * The stored form of a password: an Argon2id hash with a random 16-octet salt, as a PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
 */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(normalized(password), argon2idParameters);
}

/**
 * Whether `password` matches a stored hash, compared in constant time: an Argon2id hash, or a
 * {@link verifyLegacyScrypt | scrypt} hash of earlier databases. A malformed stored hash never matches.
 */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  if (storedHash.startsWith("$argon2id$")) return argon2Verify(storedHash, normalized(password)).catch(() => false);
  if (storedHash.startsWith("scrypt$")) return verifyLegacyScrypt(normalized(password), storedHash);
  return false;
}

/**
 * Whether a stored hash was made otherwise than {@link hashPassword} makes one today: with scrypt,
 * or with other Argon2 parameters. The authorization server hashes the password again, after a
 * sign-in that proved it, and stores the new hash.
 */
export function passwordNeedsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(currentPrefix);
}

/** The length of the keys in {@link verifyLegacyScrypt}'s hashes. */
const legacyScryptKeyLength = 32;

/**
 * `scrypt$N$r$p$salt$key`, how this project stored passwords until it moved to Argon2id. Only
 * verified, never made: a database seeded before the move still lets its users sign in, and
 * each hash is replaced at its user's next sign-in.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
async function verifyLegacyScrypt(password: string, storedHash: string): Promise<boolean> {
  const [, n, r, p, salt, key] = storedHash.split("$");
  const expected = Buffer.from(key ?? "", "base64url");
  if (!n || !r || !p || !salt || expected.length !== legacyScryptKeyLength) return false;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const maxmem = 256 * options.N * options.r;
  const actual = await new Promise<Buffer | null>((resolve) => {
    // Parameters scrypt refuses throw here, at once: that too is no match.
    scrypt(password, Buffer.from(salt, "base64url"), legacyScryptKeyLength, { ...options, maxmem }, (error, derived) =>
      resolve(error ? null : derived),
    );
  }).catch(() => null);
  return actual !== null && timingSafeEqual(actual, expected);
}
