import { changeThrottles, deleteThrottle, readThrottles, uncountFailures, type ThrottleRow } from "@/storage/throttles";

/**
 * Slows down guessing: after `maxFailures` failures within `windowSeconds`, the key is blocked
 * for `blockSeconds`, doubling with every further failure, up to a quarter of an hour.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.4.2.3
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** One count to keep: its key (what is counted, such as an account) and its policy. */
export interface Throttle {
  key: string;
  policy: ThrottlePolicy;
}

const maxBlockSeconds = 15 * 60;

/** An attempt counted in advance, to be taken back if it succeeds. */
export type Reservation = { key: string; countedBlock: Date | null; previousBlock: Date | null }[];

export type Attempt = { allowed: true; reservation: Reservation } | { allowed: false; retryAfterSeconds: number };

/** `row` with one more failure, and the block the policy gives that many. */
function withOneMoreFailure(key: string, row: ThrottleRow | undefined, policy: ThrottlePolicy, now: Date): ThrottleRow {
  const windowOpen = row !== undefined && now.getTime() - row.windowStartedAt.getTime() < policy.windowSeconds * 1000;
  const failures = windowOpen ? row.failures + 1 : 1;
  const excess = failures - policy.maxFailures;
  const blockSeconds = excess >= 0 ? Math.min(policy.blockSeconds * 2 ** excess, maxBlockSeconds) : 0;
  return {
    key,
    failures,
    windowStartedAt: windowOpen ? row.windowStartedAt : now,
    blockedUntil: blockSeconds > 0 ? new Date(now.getTime() + blockSeconds * 1000) : null,
  };
}

/**
 * Counts an attempt as a failure before it is checked, and decides from the count it wrote, in
 * one transaction: refused when any of `throttles` is blocked, allowed otherwise. The expensive
 * check (a password hash takes about 16 ms) comes after, so guesses sent at the same moment
 * cannot all be checked before the first failure is counted: the 20th of them sets the block,
 * and the 21st is refused. An allowed attempt that succeeds is taken back with
 * {@link releaseAttempt}; one that fails needs nothing more.
 */
export function reserveAttempt(throttles: Throttle[], now = new Date()): Promise<Attempt> {
  return changeThrottles(
    throttles.map(({ key }) => key),
    (rows): { save: ThrottleRow[]; result: Attempt } => {
      const refused = refusal(rows, now);
      if (refused) return { save: [], result: refused };
      const counted = throttles.map(({ key, policy }) => withOneMoreFailure(key, rows.get(key), policy, now));
      const reservation = counted.map(({ key, blockedUntil }) => ({
        key,
        countedBlock: blockedUntil,
        previousBlock: rows.get(key)?.blockedUntil ?? null,
      }));
      return { save: counted, result: { allowed: true, reservation } };
    },
  );
}

/** When the latest block among `rows` ends, if it has not ended yet. */
function refusal(rows: Map<string, ThrottleRow>, now: Date): { allowed: false; retryAfterSeconds: number } | undefined {
  const until = Math.max(0, ...[...rows.values()].map((row) => row.blockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) } : undefined;
}

/**
 * For checks so cheap that counting in advance buys nothing (a client secret is compared as a
 * SHA-256 hash in microseconds): refused while any of `throttles` is blocked, allowed otherwise.
 * Nothing is written; a failed check is counted afterwards with {@link countFailure}. Counting in
 * advance would also count a legitimate client's requests in flight as failures: a service with
 * more requests at once than `maxFailures` would lock itself out.
 */
export async function checkNotBlocked(throttles: Throttle[], now = new Date()): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  return refusal(await readThrottles(throttles.map(({ key }) => key)), now) ?? { allowed: true };
}

/** Counts one failure under each of `throttles`, blocking the keys that reach their policy's limit. */
export async function countFailure(throttles: Throttle[], now = new Date()): Promise<void> {
  await changeThrottles(
    throttles.map(({ key }) => key),
    (rows) => ({ save: throttles.map(({ key, policy }) => withOneMoreFailure(key, rows.get(key), policy, now)), result: undefined }),
  );
}

/** The reserved attempt succeeded: it is not a failure, and the block it set, if any, is lifted. */
export function releaseAttempt(reservation: Reservation): Promise<void> {
  return uncountFailures(reservation);
}

/** Forgets every failure counted under `key`. */
export async function clearFailures(key: string): Promise<void> {
  await deleteThrottle(key);
}
