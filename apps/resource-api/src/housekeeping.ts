import { deleteExpiredDpopProofs } from "@/storage/dpop-proofs";

/** Often enough that little is left behind, rarely enough that it costs nothing. */
const intervalMilliseconds = 10 * 60 * 1000;

/** One round: deletes the DPoP proofs that have expired, and says how many, or why it could not. */
export async function deleteExpiredRecordsNow(now = new Date()): Promise<void> {
  try {
    const deleted = await deleteExpiredDpopProofs(now);
    if (deleted > 0) console.info(`Deleted expired records: DPoP proofs seen: ${deleted}.`);
  } catch (error) {
    console.error(`Deleting expired records failed; trying again in ${intervalMilliseconds / 60_000} minutes.`, error);
  }
}

const globalForHousekeeping = globalThis as { sevenStepsApiHousekeeping?: NodeJS.Timeout };

/**
 * Deletes expired DPoP proofs once at start, then every ten minutes, as the authorization server
 * does with its own records (apps/authorization-server/src/housekeeping.ts). The timer never
 * keeps the process alive, and is started once per process.
 */
export function startHousekeeping(): void {
  if (globalForHousekeeping.sevenStepsApiHousekeeping) return;
  void deleteExpiredRecordsNow();
  globalForHousekeeping.sevenStepsApiHousekeeping = setInterval(() => void deleteExpiredRecordsNow(), intervalMilliseconds).unref();
}
