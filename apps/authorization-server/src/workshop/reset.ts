import { forgetCachedClients } from "@/storage/clients";
import { emptyRoom, type DeletedAttendees } from "@/storage/workshop-attendees";
import { roomId } from "@/storage/workshop-room";
import { parseWorkshopCode, workshopCodeHash } from "./workshop-code.ts";

/**
 * The dashboard's Reset room: every attendee leaves, with their account, their client and
 * everything either holds, and the room gets a new code, so that an old join link and old
 * credentials fail cleanly. The instructor, the demo users and the demo clients stay, with their
 * recordings. What exactly is deleted, and how, is in storage/workshop-attendees.ts.
 */

/** How many rows of each kind a reset deleted. */
export type RoomResetCounts = DeletedAttendees;

/** Raised when there is no room to reset: this server runs no workshop. */
export class NoWorkshopRoom extends Error {
  override readonly name = "NoWorkshopRoom";
  constructor() {
    super("This server runs no workshop.");
  }
}

/**
 * Empties the room and sets `newCode` (a code by workshop-code.ts's rule, else
 * `InvalidWorkshopCode`), in one transaction. This instance forgets the deleted clients at once;
 * another instance of the server may accept an old client secret for the ten seconds it keeps a
 * client (storage/clients.ts).
 */
export async function resetRoom(newCode: string, now = new Date()): Promise<RoomResetCounts> {
  const emptied = await emptyRoom(roomId, workshopCodeHash(parseWorkshopCode(newCode)), now);
  if (!emptied) throw new NoWorkshopRoom();
  forgetCachedClients(emptied.clientIds);
  return emptied.deleted;
}

/** The names of what a reset deletes, one and many. */
const kinds: Record<keyof RoomResetCounts, [string, string]> = {
  attendees: ["attendee", "attendees"],
  accounts: ["account", "accounts"],
  clients: ["client", "clients"],
  redirectUris: ["redirect URI", "redirect URIs"],
  sessions: ["session", "sessions"],
  consents: ["consent", "consents"],
  authorizationCodes: ["authorization code", "authorization codes"],
  grants: ["grant", "grants"],
  refreshTokens: ["refresh token", "refresh tokens"],
  accessTokens: ["access token record", "access token records"],
  pushedAuthorizationRequests: ["pushed authorization request", "pushed authorization requests"],
  throttles: ["failure counter", "failure counters"],
  recordedExchanges: ["recorded message", "recorded messages"],
  recordedFlows: ["recorded flow", "recorded flows"],
  flowCorrelations: ["flow link", "flow links"],
  profiles: ["album profile", "album profiles"],
  photos: ["photo", "photos"],
};

/** A reset's counts in words, one per kind, every kind named even when none was deleted: "5 accounts", "1 grant", "0 photos". */
export function resetCountsInWords(counts: RoomResetCounts): string[] {
  return (Object.keys(kinds) as (keyof RoomResetCounts)[]).map((kind) => {
    const [one, many] = kinds[kind];
    return `${counts[kind]} ${counts[kind] === 1 ? one : many}`;
  });
}
