import "server-only";
import { demoClient } from "@seven-steps/db/demo-data";
import { db } from "@/db";
import { removedByTheUser } from "./grants.ts";

// What the room dashboard reads: the attendees, and the inspector's records of their traffic since
// the room began or was last reset. Each function is one query for the whole room, whatever its
// size: the dashboard asks every 2 seconds. The inspector's models are shared by the three apps;
// the workshop only reads them.

/** The attendees of a room (or the one of these ids), oldest first, with their usernames. */
export function listAttendees(roomId: string, attendeeId?: string) {
  return db.workshopAttendee.findMany({
    where: { roomId, ...(attendeeId === undefined ? {} : { id: attendeeId }) },
    orderBy: { createdAt: "asc" },
    select: { id: true, displayName: true, userId: true, clientId: true, createdAt: true, user: { select: { username: true } } },
  });
}

/** What a recorded exchange says about whose it is and how it ended, without its bodies. */
const outline = {
  id: true,
  flowId: true,
  kind: true,
  fromRole: true,
  status: true,
  clientId: true,
  subject: true,
  responseHeaders: true,
  createdAt: true,
} as const;

const printShopsAnsweredApiCalls = { kind: "resource", status: 200, clientId: demoClient.id };

export type ExchangeOutline = Awaited<ReturnType<typeof findExchangesAbout>>[number];

/** An attendee, as listAttendees reads them. */
export type AttendeeRow = Awaited<ReturnType<typeof listAttendees>>[number];

/**
 * The exchanges since `since` that are about these users or name these clients; but for
 * PrintShop's answered calls to the API, which are most of the traffic (a page of photos is a call
 * per picture) and tell nothing about the workshop's exercises.
 */
export function findExchangesAbout({ subjects, clientIds, since }: { subjects: string[]; clientIds: string[]; since: Date }) {
  return db.protocolExchange.findMany({
    where: {
      createdAt: { gte: since },
      OR: [{ subject: { in: subjects } }, { clientId: { in: clientIds } }],
      NOT: printShopsAnsweredApiCalls,
    },
    select: outline,
  });
}

/** These flows, with whose they are and when their user opened them, and their exchanges since `since` (two queries). */
export async function findFlows(flowIds: string[], since: Date) {
  if (flowIds.length === 0) return { flows: [], exchanges: [] };
  const [flows, exchanges] = await Promise.all([
    db.recordedFlow.findMany({ where: { id: { in: flowIds } }, select: { id: true, subject: true, viewedAt: true } }),
    db.protocolExchange.findMany({
      where: { createdAt: { gte: since }, flowId: { in: flowIds }, NOT: printShopsAnsweredApiCalls },
      select: outline,
    }),
  ]);
  return { flows, exchanges };
}

/**
 * The sign-ins since `since` that know no user: refused ones, whose form (the password masked
 * entirely by the recorder) says which username was tried.
 */
export function findSignInsOfNobody(since: Date) {
  return db.protocolExchange.findMany({
    where: { createdAt: { gte: since }, kind: "sign-in", subject: null },
    select: { ...outline, requestBody: true },
  });
}

/** A flow, with whose it is, and what tells whose each of its exchanges is. */
export async function findFlowForAttribution(flowId: string) {
  const [flow, exchanges] = await Promise.all([
    db.recordedFlow.findUnique({ where: { id: flowId }, select: { id: true, subject: true } }),
    db.protocolExchange.findMany({
      where: { flowId },
      select: { id: true, fromRole: true, subject: true, clientId: true, kind: true, requestBody: true },
    }),
  ]);
  return flow ? { ...flow, exchanges } : null;
}

/** What these exchanges answered, and the checks that ran on them: read only for the failures. */
export async function findAnswers(exchangeIds: string[]) {
  if (exchangeIds.length === 0) return [];
  return db.protocolExchange.findMany({
    where: { id: { in: exchangeIds } },
    select: { id: true, responseBody: true, responseHeaders: true, checks: true },
  });
}

/** The grants these users took back at Connected apps since `since`. */
export function findGrantsRemovedByUsers(userIds: string[], since: Date) {
  return db.grant.findMany({
    where: { userId: { in: userIds }, revocationReason: removedByTheUser, revokedAt: { gte: since } },
    select: { userId: true, clientId: true, revokedAt: true },
  });
}
