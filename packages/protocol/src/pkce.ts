import { sha256 } from "@noble/hashes/sha2.js";
import { base64url } from "jose";
import { constantTimeEqual } from "./constant-time.ts";

/**
 * Proof Key for Code Exchange (RFC 7636), with the S256 method only. RFC 9700 §2.1.1 asks for PKCE
 * on every authorization code flow, and `plain` gives no protection when the authorization request
 * itself leaks, so this project accepts S256 alone.
 */
export const codeChallengeMethods = ["S256"] as const;
export type CodeChallengeMethod = (typeof codeChallengeMethods)[number];

/**
 * `code-verifier = 43*128unreserved`, with `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`.
 * An S256 `code_challenge` follows the same grammar; being a base64url SHA-256 digest, it is
 * always exactly 43 characters long.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
const codeVerifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
const s256CodeChallengePattern = /^[A-Za-z0-9\-_]{43}$/;

/**
 * Whether a string is a well-formed `code_verifier`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function isCodeVerifier(value: string): boolean {
  return codeVerifierPattern.test(value);
}

/**
 * Whether a string can be an S256 `code_challenge`: 43 base64url characters.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export function isS256CodeChallenge(value: string): boolean {
  return s256CodeChallengePattern.test(value);
}

/**
 * A new `code_verifier`: 32 random octets, base64url-encoded into 43 characters, as the RFC
 * recommends.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function generateCodeVerifier(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * `code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`.
 *
 * The digest comes from WebCrypto where there is one. A browser gives WebCrypto only to secure
 * contexts (https, localhost), and a workshop room opens PrintShop over plain http at the
 * instructor's address, where `crypto.subtle` is undefined; there the same SHA-256 comes from
 * `@noble/hashes`, an audited implementation, so that PKCE works in the room too.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 * @see https://www.w3.org/TR/secure-contexts/
 */
export async function computeCodeChallenge(codeVerifier: string): Promise<string> {
  if (!isCodeVerifier(codeVerifier)) {
    throw new TypeError("A code_verifier is 43 to 128 characters from A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
  }
  return base64url.encode(await sha256Of(new TextEncoder().encode(codeVerifier)));
}

async function sha256Of(octets: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  // Typed as optional, which it is outside a secure context.
  const subtle = (globalThis.crypto as Partial<typeof globalThis.crypto> | undefined)?.subtle;
  if (subtle === undefined) return sha256(octets);
  return new Uint8Array(await subtle.digest("SHA-256", octets));
}

/**
 * The authorization server's check at the token endpoint: does the `code_verifier` sent now hash
 * to the `code_challenge` sent with the authorization request? Compared in constant time.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export async function verifyCodeChallenge(codeVerifier: string, codeChallenge: string): Promise<boolean> {
  if (!isCodeVerifier(codeVerifier)) return false;
  return constantTimeEqual(await computeCodeChallenge(codeVerifier), codeChallenge);
}
