import "server-only";
import { demoClient, demoLabClient } from "@seven-steps/db/demo-data";
import type { ExchangeKind } from "@seven-steps/inspector";
import {
  findAnswers,
  findExchangesAbout,
  findFlows,
  findGrantsRemovedByUsers,
  findSignInsOfNobody,
  listAttendees,
  type AttendeeRow,
  type ExchangeOutline,
} from "@/storage/workshop-traffic";
import { Attribution } from "./attribution.ts";
import { exercises, type ExerciseNumber } from "./exercises.ts";
import { tallyMistakes, type Mistake } from "./mistakes.ts";
import { inPlainWords, isRefused, type PlainFailure } from "./plain-words.ts";

/** Where an attendee stands in one exercise. Times are ISO 8601. */
export type Cell =
  | { state: "not-yet" }
  /** `flowId`: the inspector's flow that reached it, if there is one (exercise 6 has none). */
  | { state: "reached"; at: string; flowId: string | null }
  /** The last attempt was refused, and nothing reached the exercise since. */
  | { state: "failed"; at: string; exchangeId: string; flowId: string | null; failure: PlainFailure };

export interface AttendeeProgress {
  attendeeId: string;
  displayName: string;
  username: string;
  clientId: string;
  /** One cell per exercise, in the order of `exercises`. */
  cells: Cell[];
}

export interface RoomProgress {
  /** Traffic counts from here on: when the room began, or was last reset. */
  since: string;
  attendees: AttendeeProgress[];
  mistakes: Mistake[];
}

/** The room, as far as progress needs it. */
export interface RoomTimes {
  createdAt: Date;
  resetAt: Date | null;
}

/** When a room's traffic starts to count: only what happened since it began, or since its last reset. */
function countsSince(room: RoomTimes): Date {
  return room.resetAt && room.resetAt > room.createdAt ? room.resetAt : room.createdAt;
}

/** PrintShop and its lab, whose traffic exercises 1 and 2 look for. */
const printShopClientId = demoClient.id;
const labClientId = demoLabClient.id;

/** Step 0, discovery, is part of no attempt: a client may fetch metadata as often as it likes. */
const discoveryKinds: ReadonlySet<string> = new Set<ExchangeKind>(["authorization-server-metadata", "resource-metadata", "resource-challenge"]);

/** PrintShop's sign-in, steps 1 to 5: its later calls to the API and refreshes are no part of exercise 1. */
const signInKinds: ReadonlySet<string> = new Set<ExchangeKind>(["pushed-authorization-request", "authorization-request", "sign-in", "consent", "callback", "token"]);

interface Reach {
  at: Date;
  flowId: string | null;
}

/** One attendee's attempts and reaches, exercise by exercise, as the traffic is read. */
class Standing {
  readonly lastAttempt = new Map<ExerciseNumber, ExchangeOutline>();
  readonly lastReach = new Map<ExerciseNumber, Reach>();

  attempt(exercise: ExerciseNumber, exchange: ExchangeOutline): void {
    const last = this.lastAttempt.get(exercise);
    if (!last || last.createdAt <= exchange.createdAt) this.lastAttempt.set(exercise, exchange);
  }

  reach(exercise: ExerciseNumber, reach: Reach): void {
    const last = this.lastReach.get(exercise);
    if (!last || last.at <= reach.at) this.lastReach.set(exercise, reach);
  }
}

/**
 * The room's traffic since `since`, each exchange with the attendee it belongs to (./attribution.ts),
 * read in the same few queries whatever the number of attendees: the dashboard asks every 2 seconds.
 */
async function readTraffic(attribution: Attribution, since: Date) {
  const { attendees } = attribution;
  const subjects = attendees.map((attendee) => attendee.userId);
  const [signIns, removedGrants, about] = await Promise.all([
    findSignInsOfNobody(since),
    findGrantsRemovedByUsers(subjects, since),
    // Each flow of an attendee holds a message about them: the one that made it theirs.
    findExchangesAbout({ subjects, clientIds: attendees.map((attendee) => attendee.clientId), since }),
  ]);
  const signedInAs = new Map(signIns.flatMap((signIn) => {
    const attendee = attribution.signInOf(signIn);
    return attendee ? [[signIn.id, attendee] as const] : [];
  }));

  // Every flow these exchanges are in: whose it is, and what else it holds (the client a refused
  // sign-in was for is named by the authorization request of its flow).
  const flowIds = [
    ...new Set(
      [...about, ...signIns.filter((signIn) => signedInAs.has(signIn.id))]
        .map((exchange) => exchange.flowId)
        .filter((flowId): flowId is string => flowId !== null),
    ),
  ];
  const { flows, exchanges: ofFlows } = await findFlows(flowIds, since);
  const flowSubject = new Map(flows.map((flow) => [flow.id, flow.subject]));
  const exchanges = [...new Map([...about, ...ofFlows].map((exchange) => [exchange.id, exchange])).values()].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const ownerOf = (exchange: ExchangeOutline) =>
    attribution.ownerOf(exchange, exchange.flowId === null ? null : flowSubject.get(exchange.flowId), signedInAs.get(exchange.id));
  return { flows, removedGrants, exchanges, ownerOf };
}

/**
 * The progress of these attendees since `since`, exercise by exercise, by the rules of the
 * workshop plan (attendee's user `s`, own client `c`):
 *
 * 1. a flow of `s` with a successful token request of PrintShop, which `s` opened in "How this worked";
 * 2. a successful API call of the lab's client about `s`;
 * 3. a successful token request of `c` about `s`;
 * 4. a successful API call with a token of `c` about `s`;
 * 5. a successful refresh of `c` about `s`;
 * 6. a grant of `s` to `c` taken back at Connected apps;
 * 7. an exchange about `s` in a flow where Mallory, the attack lab's attacker, sent a message.
 *
 * An exercise once reached stays reached: it was done, as the server saw. Until then, it is failed
 * when its last attempt (a message of its client's flows, steps 1 to 7) was refused; the failure is
 * put in plain words. Every refused attempt of the room, before or after, counts in the tally of
 * mistakes.
 */
async function progressOf(attendees: AttendeeRow[], since: Date): Promise<{ attendees: AttendeeProgress[]; mistakes: Mistake[] }> {
  if (attendees.length === 0) return { attendees: [], mistakes: [] };
  const attribution = new Attribution(attendees);
  const { flows, removedGrants, exchanges, ownerOf } = await readTraffic(attribution, since);
  const standings = new Map(attendees.map((attendee) => [attendee.id, new Standing()]));

  // A flow's client is the first one any of its messages names: the authorization request's.
  const flowClient = new Map<string, string>();
  const attackFlows = new Set<string>();
  const exchangesOfFlow = new Map<string, ExchangeOutline[]>();
  for (const exchange of exchanges) {
    if (exchange.flowId === null) continue;
    if (exchange.fromRole === "attacker") attackFlows.add(exchange.flowId);
    else if (exchange.clientId !== null && !flowClient.has(exchange.flowId)) flowClient.set(exchange.flowId, exchange.clientId);
    const ofFlow = exchangesOfFlow.get(exchange.flowId);
    if (ofFlow) ofFlow.push(exchange);
    else exchangesOfFlow.set(exchange.flowId, [exchange]);
  }

  const refusedOf = new Map<string, AttendeeRow>();
  for (const exchange of exchanges) {
    const owner = ownerOf(exchange);
    if (!owner) continue;
    const standing = standings.get(owner.id)!;
    const ok = exchange.status === 200;
    const aboutOwner = exchange.subject === owner.userId;
    const reach = { at: exchange.createdAt, flowId: exchange.flowId };
    if (exchange.flowId !== null && attackFlows.has(exchange.flowId)) {
      if (aboutOwner) standing.reach(7, reach);
      continue;
    }
    if (exchange.status >= 300) refusedOf.set(exchange.id, owner);
    if (discoveryKinds.has(exchange.kind)) continue;
    const client = exchange.clientId ?? (exchange.flowId === null ? undefined : flowClient.get(exchange.flowId));
    if (client === printShopClientId && signInKinds.has(exchange.kind)) {
      standing.attempt(1, exchange);
    } else if (client === labClientId) {
      standing.attempt(2, exchange);
      if (ok && aboutOwner && exchange.kind === "resource") standing.reach(2, reach);
    } else if (client === owner.clientId) {
      const exercise = exercise345(exchange.kind);
      standing.attempt(exercise, exchange);
      if (ok && aboutOwner && exchange.clientId === owner.clientId && reachingKinds[exercise] === exchange.kind) standing.reach(exercise, reach);
    }
  }

  for (const flow of flows) {
    const owner = attribution.attendeeOfSubject(flow.subject);
    const signedIn = (exchangesOfFlow.get(flow.id) ?? []).some(
      (exchange) => exchange.kind === "token" && exchange.status === 200 && exchange.clientId === printShopClientId,
    );
    if (owner && flow.viewedAt && signedIn) standings.get(owner.id)!.reach(1, { at: flow.viewedAt, flowId: flow.id });
  }
  for (const grant of removedGrants) {
    const owner = attribution.attendeeOfSubject(grant.userId);
    if (owner && owner.clientId === grant.clientId && grant.revokedAt) standings.get(owner.id)!.reach(6, { at: grant.revokedAt, flowId: null });
  }

  // Only the answers of the exchanges that may have been refused are read: their bodies and checks.
  const answers = new Map((await findAnswers([...refusedOf.keys()])).map((answer) => [answer.id, answer]));
  const failureOf = (exchange: ExchangeOutline): PlainFailure | undefined => {
    const answer = answers.get(exchange.id);
    const recorded = answer && { ...answer, kind: exchange.kind, status: exchange.status };
    return recorded && isRefused(recorded) ? inPlainWords(recorded) : undefined;
  };

  const progress = attendees.map((attendee): AttendeeProgress => {
    const standing = standings.get(attendee.id)!;
    return {
      attendeeId: attendee.id,
      displayName: attendee.displayName,
      username: attendee.user.username,
      clientId: attendee.clientId,
      cells: exercises.map(({ number }) => cellOf(standing, number, failureOf)),
    };
  });
  const refusals = exchanges.flatMap((exchange) => {
    const owner = refusedOf.get(exchange.id);
    const failure = owner ? failureOf(exchange) : undefined;
    return owner && failure ? [{ attendeeId: owner.id, failure }] : [];
  });
  return { attendees: progress, mistakes: tallyMistakes(refusals) };
}

/** Exercises 3 to 5 with the attendee's own client: the code flow, the API call, the refresh. */
function exercise345(kind: string): 3 | 4 | 5 {
  if (kind === "resource") return 4;
  if (kind === "refresh") return 5;
  return 3;
}

const reachingKinds: Record<3 | 4 | 5, ExchangeKind> = { 3: "token", 4: "resource", 5: "refresh" };

function cellOf(standing: Standing, exercise: ExerciseNumber, failureOf: (exchange: ExchangeOutline) => PlainFailure | undefined): Cell {
  const reach = standing.lastReach.get(exercise);
  const attempt = standing.lastAttempt.get(exercise);
  const failure = attempt && !reach ? failureOf(attempt) : undefined;
  if (attempt && failure) {
    return { state: "failed", at: attempt.createdAt.toISOString(), exchangeId: attempt.id, flowId: attempt.flowId, failure };
  }
  return reach ? { state: "reached", at: reach.at.toISOString(), flowId: reach.flowId } : { state: "not-yet" };
}

/** The whole room's progress: one row per attendee, oldest first, and the room's mistakes. */
export async function roomProgress(room: RoomTimes & { id: string }): Promise<RoomProgress> {
  const since = countsSince(room);
  const { attendees, mistakes } = await progressOf(await listAttendees(room.id), since);
  return { since: since.toISOString(), attendees, mistakes };
}

/** One attendee's own progress, for their exercises page: their traffic only. */
export async function attendeeProgress(room: RoomTimes & { id: string }, attendeeId: string): Promise<AttendeeProgress | undefined> {
  const { attendees } = await progressOf(await listAttendees(room.id, attendeeId), countsSince(room));
  return attendees[0];
}
