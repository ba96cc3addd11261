import { db } from "@/db";
import { deleteThrottle, findThrottle, saveThrottle } from "@/storage/throttles";

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

const maxBlockSeconds = 15 * 60;

/** Seconds until `key` may try again; 0 when it is not blocked. */
export async function secondsUntilAllowed(key: string, now = new Date()): Promise<number> {
  const throttle = await findThrottle(key, db);
  if (!throttle?.blockedUntil || throttle.blockedUntil <= now) return 0;
  return Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts one failure for `key`, blocking it once the policy's limit is reached. */
export async function recordFailure(key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  await db.$transaction(async (transaction) => {
    const previous = await findThrottle(key, transaction);
    const windowOpen = previous && now.getTime() - previous.windowStartedAt.getTime() < policy.windowSeconds * 1000;
    const failures = windowOpen ? previous.failures + 1 : 1;
    const excess = failures - policy.maxFailures;
    const blockSeconds = excess >= 0 ? Math.min(policy.blockSeconds * 2 ** excess, maxBlockSeconds) : 0;
    await saveThrottle(
      {
        key,
        failures,
        windowStartedAt: windowOpen ? previous.windowStartedAt : now,
        blockedUntil: blockSeconds > 0 ? new Date(now.getTime() + blockSeconds * 1000) : null,
      },
      transaction,
    );
  });
}

export async function clearFailures(key: string): Promise<void> {
  await deleteThrottle(key, db);
}
