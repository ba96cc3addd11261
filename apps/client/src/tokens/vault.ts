import { base64url, compactDecrypt, CompactEncrypt } from "jose";
import { createHash } from "node:crypto";
import { sessionSecret } from "@/env";

/**
 * Encrypts the tokens PrintShop stores, so that a copy of its database does not hold usable
 * tokens. AES-256-GCM through JWE (RFC 7516) with a key derived from the session secret.
 */
const key = createHash("sha256").update(`printshop token vault:${sessionSecret}`).digest();

export async function seal(token: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(token)).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).encrypt(key);
}

export async function unseal(sealed: string): Promise<string> {
  const { plaintext } = await compactDecrypt(sealed, key);
  return new TextDecoder().decode(plaintext);
}

/** A short, one-way fingerprint of a token, for logs and for recognising it. */
export function fingerprint(token: string): string {
  return base64url.encode(createHash("sha256").update(token).digest()).slice(0, 10);
}
