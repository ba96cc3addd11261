import "server-only";
import { createMemberAlbum, deleteMemberAlbums } from "@seven-steps/db";
import { forgetRecordingsOf } from "@seven-steps/inspector";
import { db } from "@/db";
import { createClient, type NewClient } from "./clients.ts";
import { saveRegistrationResult, type StoredRegistrationResult } from "./registration-results.ts";
import { createSession, type NewSession } from "./sessions.ts";
import { createUser, type NewUser } from "./users.ts";

/** Whether someone in the room already has this folded display name. */
export async function isDisplayNameTaken(roomId: string, displayNameKey: string): Promise<boolean> {
  return (await db.workshopAttendee.count({ where: { roomId, displayNameKey } })) > 0;
}

/** Everything a new attendee gets, ready to store: no secret in it but as a hash, or sealed. */
export interface NewAttendee {
  roomId: string;
  displayName: string;
  displayNameKey: string;
  user: NewUser;
  client: NewClient;
  /** The session that signs them in as they join. */
  session: NewSession;
  /** Their credentials, sealed for the page that shows them once. */
  oneTimePage: StoredRegistrationResult;
}

/**
 * Stores a new attendee in one transaction: their account, their client and its redirect URI,
 * their place in the room, their album at the PhotoCloud API, their session and their one-time
 * page. All of it, or nothing: a join that fails half-way leaves no account without a client, no
 * album without an account, and no taken display name.
 */
export async function storeNewAttendee(attendee: NewAttendee): Promise<void> {
  const { user, client } = attendee;
  await db.$transaction(async (transaction) => {
    await createUser(user, transaction);
    await createClient(client, transaction);
    await transaction.workshopAttendee.create({
      data: { roomId: attendee.roomId, displayName: attendee.displayName, displayNameKey: attendee.displayNameKey, userId: user.id, clientId: client.id },
    });
    await createMemberAlbum(transaction, { sub: user.id, username: user.username, displayName: attendee.displayName });
    await createSession(attendee.session, transaction);
    await saveRegistrationResult(attendee.oneTimePage, transaction);
  });
}

/** How many rows of each kind a room's reset deleted. */
export interface DeletedAttendees {
  attendees: number;
  accounts: number;
  clients: number;
  redirectUris: number;
  sessions: number;
  consents: number;
  authorizationCodes: number;
  grants: number;
  refreshTokens: number;
  accessTokens: number;
  pushedAuthorizationRequests: number;
  throttles: number;
  recordedExchanges: number;
  recordedFlows: number;
  flowCorrelations: number;
  profiles: number;
  photos: number;
}

/**
 * The failure counters kept about these accounts and clients: sign-in per account and per account
 * and address (sign-in/sign-in-with-password.ts), client authentication per client and address
 * (oauth/client-authentication.ts). Usernames and client ids never hold an `@`, so a prefix that
 * ends with one names a single account or client.
 */
function throttlesOf(usernames: string[], clientIds: string[]) {
  return [
    { key: { in: usernames.map((username) => `sign-in:${username}`) } },
    ...usernames.map((username) => ({ key: { startsWith: `sign-in:${username}@` } })),
    ...clientIds.map((clientId) => ({ key: { startsWith: `client-auth:${clientId}@` } })),
  ];
}

/**
 * Empties a room, in one transaction: every attendee's account and client, and everything either
 * holds anywhere: sessions, consents, authorization codes, grants with their refresh and access
 * tokens, pushed authorization requests, failure counters, the inspector's recordings, and the
 * album at the PhotoCloud API. What concerns an attendee's client is deleted whoever the user was
 * (a demo user may have tried an attendee's client). Nothing else is touched: the instructor, the
 * demo users and clients and their recordings stay. The room gets its new code in the same
 * transaction, so the old code stops working at the moment its attendees are gone.
 *
 * Returns the counts and the deleted clients' ids, or null when the room does not exist.
 */
export async function emptyRoom(roomId: string, codeHash: string, now: Date): Promise<{ deleted: DeletedAttendees; clientIds: string[] } | null> {
  return db.$transaction(async (transaction) => {
    const room = await transaction.workshopRoom.findUnique({ where: { id: roomId } });
    if (!room) return null;
    const attendees = await transaction.workshopAttendee.findMany({ where: { roomId }, include: { user: { select: { username: true } } } });
    const userIds = attendees.map((attendee) => attendee.userId);
    const clientIds = attendees.map((attendee) => attendee.clientId);
    const usernames = attendees.map((attendee) => attendee.user.username);
    const ofTheirs = { OR: [{ userId: { in: userIds } }, { clientId: { in: clientIds } }] };
    const grantIds = (await transaction.grant.findMany({ where: ofTheirs, select: { id: true } })).map((grant) => grant.id);

    const authorizationCodes = await transaction.authorizationCode.deleteMany({ where: { OR: [...ofTheirs.OR, { grantId: { in: grantIds } }] } });
    const accessTokens = await transaction.accessToken.deleteMany({
      where: { OR: [{ subject: { in: userIds } }, { clientId: { in: clientIds } }, { grantId: { in: grantIds } }] },
    });
    const refreshTokens = await transaction.refreshToken.deleteMany({ where: { OR: [{ grantId: { in: grantIds } }, { clientId: { in: clientIds } }] } });
    const grants = await transaction.grant.deleteMany({ where: { id: { in: grantIds } } });
    const consents = await transaction.consent.deleteMany({ where: ofTheirs });
    const sessions = await transaction.session.deleteMany({ where: { userId: { in: userIds } } });
    const pushedAuthorizationRequests = await transaction.pushedAuthorizationRequest.deleteMany({ where: { clientId: { in: clientIds } } });
    const throttles = await transaction.throttle.deleteMany({ where: { OR: throttlesOf(usernames, clientIds) } });
    const recordings = await forgetRecordingsOf(transaction, { subjects: userIds, clientIds });
    const album = await deleteMemberAlbums(transaction, userIds);
    const removed = await transaction.workshopAttendee.deleteMany({ where: { roomId } });
    const redirectUris = await transaction.clientRedirectUri.deleteMany({ where: { clientId: { in: clientIds } } });
    const clients = await transaction.client.deleteMany({ where: { id: { in: clientIds } } });
    const accounts = await transaction.user.deleteMany({ where: { id: { in: userIds } } });
    await transaction.workshopRoom.update({ where: { id: roomId }, data: { codeHash, resetAt: now } });

    return {
      clientIds,
      deleted: {
        attendees: removed.count,
        accounts: accounts.count,
        clients: clients.count,
        redirectUris: redirectUris.count,
        sessions: sessions.count,
        consents: consents.count,
        authorizationCodes: authorizationCodes.count,
        grants: grants.count,
        refreshTokens: refreshTokens.count,
        accessTokens: accessTokens.count,
        pushedAuthorizationRequests: pushedAuthorizationRequests.count,
        throttles: throttles.count,
        recordedExchanges: recordings.exchanges,
        recordedFlows: recordings.flows,
        flowCorrelations: recordings.correlations,
        profiles: album.profiles,
        photos: album.photos,
      },
    };
  });
}
