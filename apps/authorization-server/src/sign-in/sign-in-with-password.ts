import { rfcSection, type Check, type CheckTrail } from "@seven-steps/protocol";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "@/secrets/password-hash";
import { findUserByUsername, storePasswordHash } from "@/storage/users";
import { clearFailures, releaseAttempt, reserveAttempt, type ThrottlePolicy } from "@/throttling/throttle";

export type SignInResult =
  | { outcome: "signed-in"; userId: string }
  | { outcome: "invalid-credentials" }
  | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * Failed sign-ins are throttled twice: per account and address, tightly, so one guesser is
 * stopped quickly without locking the account for everyone else; and per account, more loosely,
 * to stop a guesser who changes address. (Behind no proxy, `X-Forwarded-For` is whatever Next.js
 * saw or the client claimed, which is why the per-account limit exists.)
 */
const perAccountAndAddress: ThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60, blockSeconds: 60 };
const perAccount: ThrottlePolicy = { maxFailures: 20, windowSeconds: 15 * 60, blockSeconds: 5 * 60 };

const source = "apps/authorization-server/src/sign-in/sign-in-with-password.ts";

/** The two checks of {@link signInWithPassword}, described for the inspector. */
export const signInNotPaused: Check = {
  checkedBy: "authorization-server",
  rule: "sign-in is not paused for this account after too many failures",
  why: "A guesser gets a few tries, then waits; guesses sent at once are counted before any is checked.",
  see: rfcSection(6749, "10.10"),
  source,
};
export const passwordMatches: Check = {
  checkedBy: "authorization-server",
  rule: "the password, against its Argon2id hash, here at the authorization server only",
  why: "The client never sees the user's password; the answer never says whether the username or the password was wrong.",
  see: rfcSection(6749, "10.3"),
  source,
};

/** Compared against when the username is unknown, so that both cases take as long. */
const unknownUserPasswordHash = hashPassword("no user has this password");

/**
 * Checks a username and password. The answer never says which of the two was wrong. A password
 * stored with an older hash (scrypt, or weaker parameters) is hashed again once it is proven.
 *
 * The attempt is counted as a failure before the password is hashed, and taken back if it was
 * right (throttling/throttle.ts): guesses sent at the same moment are counted, not all checked.
 */
export async function signInWithPassword(
  username: string,
  password: string,
  address: string,
  trail: CheckTrail,
  now = new Date(),
): Promise<SignInResult> {
  const account = username.trim().toLowerCase();
  const [perAddress, perAccountOnly] = [
    { key: `sign-in:${account}@${address}`, policy: perAccountAndAddress },
    { key: `sign-in:${account}`, policy: perAccount },
  ];
  const attempt = await reserveAttempt([perAddress, perAccountOnly], now);
  if (!attempt.allowed) {
    trail.refused(signInNotPaused, `too many failed sign-ins; paused for ${attempt.retryAfterSeconds} seconds`);
    return { outcome: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  }
  trail.passed(signInNotPaused);

  const user = await findUserByUsername(account);
  const passwordIsRight = await verifyPassword(password, user?.passwordHash ?? (await unknownUserPasswordHash));
  if (!user || !passwordIsRight) {
    trail.refused(passwordMatches, "unknown username or wrong password");
    return { outcome: "invalid-credentials" };
  }
  trail.passed(passwordMatches);

  // Right: the failures from this address are forgotten; the account's count loses this attempt only.
  await releaseAttempt(attempt.reservation.filter(({ key }) => key !== perAddress.key));
  await clearFailures(perAddress.key);
  if (passwordNeedsRehash(user.passwordHash)) await storePasswordHash(user.id, await hashPassword(password));
  return { outcome: "signed-in", userId: user.id };
}
