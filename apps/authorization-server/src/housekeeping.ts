import { deleteExpiredRecords, type DeletedRecords } from "@/storage/expired-records";

/** Often enough that little is left behind, rarely enough that it costs nothing. */
const intervalMilliseconds = 10 * 60 * 1000;

const labels: Record<keyof DeletedRecords, string> = {
  sessions: "sessions",
  authorizationCodes: "authorization codes",
  accessTokens: "access token records",
  refreshTokens: "refresh tokens",
  throttles: "failure counters",
  registrationResults: "registration answers never shown",
  dpopProofs: "DPoP proofs seen",
  pushedAuthorizationRequests: "pushed authorization requests",
};

/** "sessions: 1, access token records: 2", naming only the kinds of which some were deleted. */
function summarize(deleted: DeletedRecords): string {
  const kinds = Object.keys(labels) as (keyof DeletedRecords)[];
  return kinds
    .filter((kind) => deleted[kind] > 0)
    .map((kind) => `${labels[kind]}: ${deleted[kind]}`)
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
 * started once per process however often this is called. Each instance of the server has its
 * own: two runs at once are safe (expired-records.ts), so nothing elects one instance to do it.
 */
export function startHousekeeping(): void {
  if (globalForHousekeeping.sevenStepsHousekeeping) return;
  void deleteExpiredRecordsNow();
  globalForHousekeeping.sevenStepsHousekeeping = setInterval(() => void deleteExpiredRecordsNow(), intervalMilliseconds).unref();
}
