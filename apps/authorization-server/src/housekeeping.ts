import { deleteExpiredRecords, type DeletedRecords } from "@/storage/expired-records";

/** Often enough that little is left behind, rarely enough that it costs nothing. */
const intervalMilliseconds = 10 * 60 * 1000;

const labels: Record<keyof DeletedRecords, string> = {
  sessions: "sessions",
  authorizationCodes: "authorization codes",
  accessTokens: "access token records",
  refreshTokens: "refresh tokens",
  throttles: "failure counters",
};

function summarize(deleted: DeletedRecords): string {
  return Object.entries(labels)
    .map(([kind, label]) => [label, deleted[kind as keyof DeletedRecords]] as const)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label}: ${count}`)
    .join(", ");
}

/** One round: deletes what has expired, and says what it deleted, or why it could not. */
export async function deleteExpiredRecordsNow(now = new Date()): Promise<void> {
  try {
    const deleted = summarize(await deleteExpiredRecords(now));
    if (deleted) console.info(`Deleted expired records: ${deleted}.`);
  } catch (error) {
    console.error(`Deleting expired records failed; trying again in ${intervalMilliseconds / 60_000} minutes.`, error);
  }
}

const globalForHousekeeping = globalThis as { sevenStepsHousekeeping?: NodeJS.Timeout };

/**
 * Deletes expired records once at start, then every ten minutes, for as long as the server runs
 * (storage/expired-records.ts says what goes). The timer never keeps the process alive, and is
 * started once per process however often this is called.
 */
export function startHousekeeping(): void {
  if (globalForHousekeeping.sevenStepsHousekeeping) return;
  void deleteExpiredRecordsNow();
  globalForHousekeeping.sevenStepsHousekeeping = setInterval(() => void deleteExpiredRecordsNow(), intervalMilliseconds).unref();
}
