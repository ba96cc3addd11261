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
  now = new Date(),
): Promise<SignInResult> {
  const account = username.trim().toLowerCase();
  const [perAddress, perAccountOnly] = [
    { key: `sign-in:${account}@${address}`, policy: perAccountAndAddress },
    { key: `sign-in:${account}`, policy: perAccount },
  ];
  const attempt = await reserveAttempt([perAddress, perAccountOnly], now);
  if (!attempt.allowed) return { outcome: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await findUserByUsername(account);
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await unknownUserPasswordHash));
  if (!user || !passwordMatches) return { outcome: "invalid-credentials" };

  // Right: the failures from this address are forgotten; the account's count loses this attempt only.
  await releaseAttempt(attempt.reservation.filter(({ key }) => key !== perAddress.key));
  await clearFailures(perAddress.key);
  if (passwordNeedsRehash(user.passwordHash)) await storePasswordHash(user.id, await hashPassword(password));
  return { outcome: "signed-in", userId: user.id };
}
