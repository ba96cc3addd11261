import type { Database } from "@seven-steps/db";
import type { CheckRun, Role } from "@seven-steps/protocol";
import { linkKey, type LinkKind } from "./fingerprint.ts";
import type { ExchangeKind, RecordingApp } from "./recorder.ts";
import type { Sender } from "./sender.ts";

/** A recorded exchange, as the inspector page shows it. */
export interface RecordedExchange {
  id: string;
  kind: ExchangeKind;
  steps: number[];
  recordedBy: RecordingApp;
  from: Sender;
  to: Role;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: Record<string, string> | null;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  /** The checks that ran on the request, in order, with their outcomes; empty when none were recorded. */
  checks: CheckRun[];
  at: string;
}

export interface Flow {
  id: string;
  exchanges: RecordedExchange[];
}

/** Flows are kept for a day; after that their link says "not found". */
export const flowLifetimeMilliseconds = 24 * 60 * 60 * 1000;

/**
 * A flow's exchanges in the order they happened, for the user it belongs to: null for an unknown
 * or expired flow, and for anyone else, who learns nothing, not even that the flow exists. Its
 * messages hold the user's name, scopes and tokens' claims; a link to it may be passed around a
 * room.
 */
export async function findFlow(database: Database, flowId: string, viewer: string | undefined, now = new Date()): Promise<Flow | null> {
  const recorded = await database.recordedFlow.findUnique({ where: { id: flowId } });
  if (!recorded || recorded.subject === null || recorded.subject !== viewer) return null;
  return readFlow(database, recorded, now);
}

/**
 * The flow of one run of the attack lab, by the run id alone: Mallory's messages and her victim's,
 * whoever they are about. The run id, 128 random bits made by the learner's browser when the run
 * starts, is the capability, as a flow's id is for its user: whoever holds it started the run.
 * Null for an unknown or expired run.
 */
export async function findAttackRun(database: Database, runId: string, now = new Date()): Promise<Flow | null> {
  const flowId = await findFlowId(database, "attack-run", runId);
  const recorded = flowId === null ? null : await database.recordedFlow.findUnique({ where: { id: flowId } });
  return recorded ? readFlow(database, recorded, now) : null;
}

/**
 * A flow by its id alone, for a page that has already decided its viewer may see it: the workshop
 * instructor, for a flow of an attendee of their room (the authorization server's
 * src/workshop/room-flows.ts). Null for an unknown or expired flow.
 */
export async function findFlowById(database: Database, flowId: string, now = new Date()): Promise<Flow | null> {
  const recorded = await database.recordedFlow.findUnique({ where: { id: flowId } });
  return recorded ? readFlow(database, recorded, now) : null;
}

async function readFlow(database: Database, recorded: { id: string; createdAt: Date }, now: Date): Promise<Flow | null> {
  if (now.getTime() - recorded.createdAt.getTime() > flowLifetimeMilliseconds) return null;
  const rows = await database.protocolExchange.findMany({ where: { flowId: recorded.id }, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) return null;
  return {
    id: recorded.id,
    exchanges: rows.map((row) => ({
      id: row.id,
      kind: row.kind as ExchangeKind,
      steps: row.steps.split(",").map(Number),
      recordedBy: row.recordedBy as RecordingApp,
      from: row.fromRole as Sender,
      to: row.toRole as Role,
      method: row.method,
      url: row.url,
      requestHeaders: JSON.parse(row.requestHeaders) as Record<string, string>,
      requestBody: row.requestBody === null ? null : (JSON.parse(row.requestBody) as Record<string, string>),
      status: row.status,
      responseHeaders: JSON.parse(row.responseHeaders) as Record<string, string>,
      responseBody: row.responseBody === null ? null : (JSON.parse(row.responseBody) as unknown),
      checks: row.checks === null ? [] : (JSON.parse(row.checks) as CheckRun[]),
      at: row.createdAt.toISOString(),
    })),
  };
}

/** The newest flow a linking value belongs to, such as the `jti` of a client's access token. */
export async function findFlowId(database: Database, kind: LinkKind, value: string): Promise<string | null> {
  const correlation = await database.flowCorrelation.findFirst({ where: { key: linkKey(kind, value) }, orderBy: { createdAt: "desc" } });
  return correlation?.flowId ?? null;
}

/**
 * Notes that a flow's own user opened it (PrintShop's "How this worked"), the first time only:
 * the workshop's first exercise is done when the server has seen this.
 */
export async function noteFlowViewed(database: Database, flowId: string, viewer: string, now = new Date()): Promise<void> {
  await database.recordedFlow.updateMany({ where: { id: flowId, subject: viewer, viewedAt: null }, data: { viewedAt: now } });
}
