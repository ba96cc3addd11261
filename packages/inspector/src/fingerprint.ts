import { createHash } from "node:crypto";

/** The kinds of value that link the messages of one flow across the apps. */
export type LinkKind = "challenge" | "code" | "jti" | "refresh";

/**
 * The key under which a linking value is stored: its kind and the start of its SHA-256 digest.
 * The value itself, a code or a refresh token, is never stored.
 */
export function linkKey(kind: LinkKind, value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("base64url").slice(0, 32)}`;
}
