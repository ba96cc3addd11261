import { db } from "@/db";
import { deleteThrottle, findThrottles, incrementFailures, saveThrottle } from "@/storage/throttles";

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

/** Seconds until every one of `keys` may try again; 0 when none is blocked. One query. */
export async function secondsUntilAllowed(keys: string[], now = new Date()): Promise<number> {
  const throttles = await findThrottles(keys);
  const until = Math.max(0, ...throttles.map((throttle) => throttle.blockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure for `key`, blocking it once the policy's limit is reached. The transaction
 * writes first (the increment) and reads after: in WAL mode, one that read first could not write
 * if another app had written in between.
 */
export async function recordFailure(key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  await db.$transaction(async (transaction) => {
    const counted = await incrementFailures(key, now, transaction);
    const windowOpen = now.getTime() - counted.windowStartedAt.getTime() < policy.windowSeconds * 1000;
    const failures = windowOpen ? counted.failures : 1;
    const excess = failures - policy.maxFailures;
    const blockSeconds = excess >= 0 ? Math.min(policy.blockSeconds * 2 ** excess, maxBlockSeconds) : 0;
    await saveThrottle(
      {
        key,
        failures,
        windowStartedAt: windowOpen ? counted.windowStartedAt : now,
        blockedUntil: blockSeconds > 0 ? new Date(now.getTime() + blockSeconds * 1000) : null,
      },
      transaction,
    );
  });
}

export async function clearFailures(key: string): Promise<void> {
  await deleteThrottle(key, db);
}
