import { hashSecret, verifySecret } from "@/secrets/secret-hash";
import { typableSecret } from "./credentials.ts";

/**
 * The workshop code: what the join page asks for, so that a passer-by on the room's Wi-Fi
 * cannot join. The instructor sets it (`npm run workshop:setup -- --code <code>`, or a reset);
 * the whole room knows it, from the join link or the QR code. So it admits people to the room
 * and nothing more: the instructor's dashboard is protected by the instructor's own account.
 *
 * A code is 4 to 64 letters, digits or hyphens, so that it travels in a URL as it is and can be
 * read out loud. It is compared without regard to case, as people type it, and stored only as
 * the SHA-256 hash of its lower-case form, like every other secret this server makes.
 */

/** What a workshop code may be, in words. */
export const workshopCodeRule = "4 to 64 letters, digits or hyphens";

const workshopCodePattern = /^[A-Za-z0-9-]{4,64}$/;

/** A workshop code that breaks {@link workshopCodeRule}: the message says the rule. */
export class InvalidWorkshopCode extends Error {
  override readonly name = "InvalidWorkshopCode";
  constructor() {
    super(`A workshop code is ${workshopCodeRule}.`);
  }
}

/** `value` as a workshop code, trimmed; throws {@link InvalidWorkshopCode} when it breaks the rule. */
export function parseWorkshopCode(value: string): string {
  const code = value.trim();
  if (!workshopCodePattern.test(code)) throw new InvalidWorkshopCode();
  return code;
}

/** A new code: three groups of four easy-to-read characters, about 60 bits. */
export function generateWorkshopCode(): string {
  return typableSecret(3);
}

/** How a code is stored: the SHA-256 hash of its lower-case form. */
export function workshopCodeHash(code: string): string {
  return hashSecret(code.trim().toLowerCase());
}

/** Whether `presented` is the room's code, compared as hashes, in constant time. */
export function isRoomCode(room: { codeHash: string }, presented: string): boolean {
  return verifySecret(presented.trim().toLowerCase(), room.codeHash);
}
