import { compactDecrypt, CompactEncrypt } from "jose";
import { hkdfSync } from "node:crypto";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { saveRegistrationResult, takeStoredRegistrationResult, type StoredRegistrationResult } from "@/storage/registration-results";
import type { ClientInformationResponse } from "./client-metadata.ts";

/**
 * The answers of registrations made on the Developers page, each waiting for the one page view
 * that shows it. The client secret must not travel in a URL, which the browser keeps in its
 * history and servers write to their logs, so the form's handler stores the answer and sends the
 * browser to `/developers/registered/<id>`; that page takes it, and a reload finds nothing.
 *
 * The answer waits in the database, so that any instance of this server can show it, whichever
 * one the form was posted to. It holds the client secret, which this server otherwise stores only
 * as a hash (RFC 6819 §5.1.4.1.3). So it is stored encrypted, with a key that is derived from the
 * page's id and exists nowhere else: the id is 256 random bits, sent only to the browser that
 * registered, and the row is found by the id's SHA-256 hash. A copy of the database (a backup, a
 * replica, someone reading it) cannot read a waiting answer. The address travels in the
 * browser's history and the access logs, but it opens nothing once the answer is shown, which is
 * a moment after the registration, or after five minutes at most. Neither a key shared by every
 * instance (one more secret to configure and rotate) nor a cookie (a page cannot clear it) is
 * needed for that.
 *
 * The workshop's join and reset pages show their one-time values the same way
 * (src/workshop/credentials.ts): a new attendee's password and client secret, a room's new code.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.4.1.3
 */

/** How long an answer waits for its page; housekeeping deletes the ones never shown. */
export const registrationResultLifetimeMilliseconds = 5 * 60 * 1000;

/**
 * The AES-256-GCM key (JWE `dir`, `A256GCM`, RFC 7516) that only the page's id can give. The
 * purpose goes into the derivation, so that an answer sealed for one kind of page never opens on
 * another.
 */
function keyOf(id: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", id, "", `seven-steps ${purpose}`, 32));
}

/**
 * Seals `value` for a one-time page, as described above: returns the random id the page is found
 * by and the row to store, which holds neither the id nor the value in clear. Stored with
 * `saveRegistrationResult`, on its own or inside a transaction that must store it together with
 * what it shows (a workshop attendee's new account, for example).
 */
export async function sealOneTimeResult(
  value: unknown,
  purpose: string,
  now = new Date(),
): Promise<{ id: string; sealed: StoredRegistrationResult }> {
  const id = generateSecret();
  const sealed = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .encrypt(keyOf(id, purpose));
  return { id, sealed: { idHash: hashSecret(id), sealed, expiresAt: new Date(now.getTime() + registrationResultLifetimeMilliseconds) } };
}

/**
 * The value sealed under `id` for `purpose`, once: it is deleted as it is taken. Undefined when
 * taken already, expired, or sealed for another purpose.
 */
export async function takeOneTimeResult<Value>(id: string, purpose: string, now = new Date()): Promise<Value | undefined> {
  const stored = await takeStoredRegistrationResult(hashSecret(id));
  if (!stored || stored.expiresAt <= now) return undefined;
  const opened = await compactDecrypt(stored.sealed, keyOf(id, purpose)).catch(() => undefined);
  return opened && (JSON.parse(new TextDecoder().decode(opened.plaintext)) as Value);
}

const registrationPurpose = "registration result";

/** Stores a registration's answer for its page, and returns the random id that page is found by. */
export async function putRegistrationResult(result: ClientInformationResponse, now = new Date()): Promise<string> {
  const { id, sealed } = await sealOneTimeResult(result, registrationPurpose, now);
  await saveRegistrationResult(sealed);
  return id;
}

/** The answer kept under `id`, once: it is deleted as it is taken. Undefined when taken already or expired. */
export function takeRegistrationResult(id: string, now = new Date()): Promise<ClientInformationResponse | undefined> {
  return takeOneTimeResult<ClientInformationResponse>(id, registrationPurpose, now);
}
