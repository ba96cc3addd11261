import { clientAddress } from "@seven-steps/config/client-address";
import { createHash } from "node:crypto";

/**
 * The kinds of value that link the messages of one flow across the apps. `browser` links no flow
 * by itself: it gathers the messages of step 0 sent from one browser (see discovery.ts).
 * `attack-run` gathers the messages of one run of the attack lab (see sender.ts).
 */
export type LinkKind = "challenge" | "code" | "jti" | "refresh" | "browser" | "attack-run";

/**
 * The key under which a linking value is stored: its kind and the start of its SHA-256 digest.
 * The value itself, a code or a refresh token, is never stored.
 */
export function linkKey(kind: LinkKind, value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("base64url").slice(0, 32)}`;
}

/**
 * What tells one browser from another, roughly: the address the request came from and its
 * User-Agent. Stored only as a {@link linkKey}. Two people behind one proxy with the same browser
 * share it, and one person's browser changes it with its address: it is good for a heuristic, and
 * for nothing that decides.
 */
export function browserOf(request: Request): string {
  return `${clientAddress(request)} ${request.headers.get("user-agent") ?? ""}`;
}
