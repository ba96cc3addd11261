import type { Database } from "@seven-steps/db";
import type { CheckRun, Role } from "@seven-steps/protocol";
import { createHash, randomBytes } from "node:crypto";
import { clientIdOf } from "./client-of.ts";
import { discoveryRun, discoveryWindowMilliseconds } from "./discovery.ts";
import { linkKey, type LinkKind } from "./fingerprint.ts";
import { maskJson, maskParameters, maskRequestHeaders, maskResponseHeaders, maskUrl } from "./mask.ts";
import type { Sender } from "./sender.ts";

export type RecordingApp = "client" | "authorization-server" | "resource-server";

export type ExchangeKind =
  | "resource-challenge"
  | "resource-metadata"
  | "authorization-server-metadata"
  | "pushed-authorization-request"
  | "authorization-request"
  | "sign-in"
  | "consent"
  | "callback"
  | "token"
  | "refresh"
  | "resource";

/** Values a flow carries from one app to the next, which link its messages together. */
export interface FlowLinks {
  /** The PKCE code_challenge: present from step 1. Whoever builds the authorization link chooses it. */
  challenge?: string;
  code?: string;
  /** The `jti` of an access token. */
  jti?: string;
  refreshToken?: string;
  /**
   * The browser a message of step 0 came from (`browserOf`). It gathers that browser's step-0
   * messages, until a flow adopts them (see `adoptsDiscoveryOf`).
   */
  browser?: string;
  /**
   * The attack run the message belongs to (`attackRunOf`). It outweighs every other link: the
   * message goes into the run's flow, whoever it is about (see `createRecorder`).
   */
  attackRun?: string;
}

export interface ExchangeToRecord {
  kind: ExchangeKind;
  /** Which of the seven steps the request and the response carry, for example [4, 5]. */
  steps: number[];
  /** Who sent the request (`senderOf`: Mallory, in the attack lab) and who answered it. */
  from: Sender;
  to: Role;
  request: { method: string; url: string; headers: Headers };
  /** The request's query or form parameters, as sent. */
  parameters?: Iterable<[string, string]>;
  response: Response;
  /** Values in the exchange that tell which flow it belongs to. */
  belongsTo: FlowLinks;
  /** Values the exchange handed out, which later exchanges of the same flow will carry. */
  handsOut?: FlowLinks;
  /**
   * The user the exchange is about, by the `sub` of their tokens, when the recording app knows it
   * for sure: a session, a code, a verified token. A flow is shown only to its user.
   */
  subject?: string;
  /** Step 1 begins a new flow when no earlier message knows its values. */
  startsFlow?: boolean;
  /**
   * The browser step 1 came from (`browserOf`): a flow it starts takes that browser's recent
   * step-0 messages as its own, by the heuristic of discovery.ts.
   */
  adoptsDiscoveryOf?: string;
  /** The checks that ran on the request, in order, with their outcomes (a CheckTrail's runs). */
  checks?: readonly CheckRun[];
  /**
   * The client the exchange is about, when the recording app knows it better than the request
   * says (see `clientIdOf`, which is used otherwise).
   */
  clientId?: string;
}

export interface Recorder {
  readonly enabled: boolean;
  /**
   * Records the exchange `describe` returns. This is the one place the apps call, and nothing here
   * can reach the request being recorded: describing the exchange (which parses what the request
   * carried), masking it and storing it all run inside, and any failure is logged and swallowed.
   * Switched off, `describe` is never called.
   */
  record(describe: () => ExchangeToRecord | Promise<ExchangeToRecord>): Promise<void>;
}

const linkKinds: Record<keyof FlowLinks, LinkKind> = {
  challenge: "challenge",
  code: "code",
  jti: "jti",
  refreshToken: "refresh",
  browser: "browser",
  attackRun: "attack-run",
};

/** Links anyone can know: the PKCE challenge is picked by whoever builds the link, the browser is a guess. */
const publicLinks: ReadonlySet<keyof FlowLinks> = new Set(["challenge", "browser"]);

interface Link {
  key: string;
  /**
   * A value only the flow's own parties ever hold (a code, an access token's jti, a refresh
   * token), as opposed to the PKCE challenge, which anyone who builds the authorization link picks.
   */
  secret: boolean;
}

function linksOf(links: FlowLinks = {}): Link[] {
  return Object.entries(links)
    .filter((entry): entry is [keyof FlowLinks, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => ({ key: linkKey(linkKinds[name], value), secret: !publicLinks.has(name) }));
}

/** A flow an exchange's links lead to, with the user it belongs to. */
export interface CandidateFlow {
  flowId: string;
  subject: string | null;
  /** Found through a secret link, not only through the PKCE challenge. */
  bySecret: boolean;
}

export type FlowChoice = { join: string; claim: boolean } | "start" | "none";

/**
 * Which flow an exchange joins, of the flows its links lead to (newest first):
 *
 * 1. An exchange that knows its user joins a flow of that user, or else claims one that belongs
 *    to nobody yet. When every flow its links find belongs to someone else, it starts a flow of its
 *    own: another person's sign-in never lands in a flow that someone else started, even with the
 *    same PKCE challenge.
 * 2. An exchange that does not know its user (step 1 before sign-in, a failed sign-in, PrintShop's
 *    callback, a refused token) joins the flow a secret link finds. Linked only by the PKCE
 *    challenge, it joins a flow that belongs to nobody yet, and never anyone's.
 * 3. Step 1 starts a flow when there is none it may join; any other exchange is then not recorded.
 */
export function chooseFlow(candidates: CandidateFlow[], subject: string | undefined, startsFlow: boolean): FlowChoice {
  const unclaimed = candidates.find((candidate) => candidate.subject === null);
  if (subject !== undefined) {
    const own = candidates.find((candidate) => candidate.subject === subject);
    if (own) return { join: own.flowId, claim: false };
    if (unclaimed) return { join: unclaimed.flowId, claim: true };
    return candidates.length > 0 || startsFlow ? "start" : "none";
  }
  const bySecret = candidates.find((candidate) => candidate.bySecret);
  if (bySecret) return { join: bySecret.flowId, claim: false };
  if (unclaimed) return { join: unclaimed.flowId, claim: false };
  return startsFlow ? "start" : "none";
}

/** A new flow's id: 96 random bits, unguessable, for its link. */
function newFlowId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * The flow of an attack run, named after the run: two apps recording a run's first messages at
 * the same moment store one flow, not two. As unguessable as the run id it is made from.
 */
function flowIdOfRun(runId: string): string {
  return createHash("sha256").update(`attack-run flow ${runId}`).digest("base64url").slice(0, 16);
}

interface FlowTarget {
  flowId: string;
  create: "new" | "if-absent" | "no";
}

async function responseJson(response: Response): Promise<unknown> {
  if (!response.headers.get("content-type")?.includes("json")) return undefined;
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
}

/**
 * A recorder for one app. With `enabled: false` (production), it records nothing and costs
 * nothing.
 */
export function createRecorder({ app, enabled, database }: { app: RecordingApp; enabled: boolean; database: Database }): Recorder {
  async function candidatesFor(links: Link[]): Promise<CandidateFlow[]> {
    if (links.length === 0) return [];
    const correlations = await database.flowCorrelation.findMany({
      where: { key: { in: links.map((link) => link.key) } },
      orderBy: { createdAt: "desc" },
    });
    const flows = await database.recordedFlow.findMany({ where: { id: { in: correlations.map((row) => row.flowId) } } });
    const subjects = new Map(flows.map((flow) => [flow.id, flow.subject]));
    const secretKeys = new Set(links.filter((link) => link.secret).map((link) => link.key));
    const candidates = new Map<string, CandidateFlow>();
    for (const { flowId, key } of correlations) {
      if (!subjects.has(flowId)) continue;
      const known = candidates.get(flowId);
      const bySecret = (known?.bySecret ?? false) || secretKeys.has(key);
      candidates.set(flowId, { flowId, subject: subjects.get(flowId) ?? null, bySecret });
    }
    return [...candidates.values()];
  }

  /**
   * The flow the exchange goes into, claimed for its user if need be; null for none. `create` says
   * whether to store the flow: "new" for one that starts now, "if-absent" for an attack run's.
   */
  async function flowOf(exchange: ExchangeToRecord, links: Link[]): Promise<FlowTarget | null> {
    // An attack run's messages are Mallory's and her victim's together: they go into the run's
    // flow, whoever they are about, for the lab to show the run as one story. The run id is the
    // only way to it (findAttackRun).
    if (exchange.belongsTo.attackRun) return { flowId: flowIdOfRun(exchange.belongsTo.attackRun), create: "if-absent" };
    // A flow no value leads to could never be found again.
    if (links.length === 0) return null;
    const choice = chooseFlow(await candidatesFor(links), exchange.subject, exchange.startsFlow ?? false);
    if (choice === "none") return null;
    if (choice === "start") return { flowId: newFlowId(), create: "new" };
    const joined: FlowTarget = { flowId: choice.join, create: "no" };
    if (!choice.claim) return joined;
    // One statement: of two users claiming the same flow at once, exactly one gets it; the other
    // starts a flow of its own, unless the winner was the same user.
    const { count } = await database.recordedFlow.updateMany({
      where: { id: choice.join, subject: null },
      data: { subject: exchange.subject },
    });
    if (count === 1) return joined;
    const claimed = await database.recordedFlow.findUnique({ where: { id: choice.join } });
    return claimed?.subject === exchange.subject ? joined : { flowId: newFlowId(), create: "new" };
  }

  /** The step-0 messages of this browser that a flow starting now takes as its own (discovery.ts). */
  async function discoveryToAdopt(browser: string, now: Date): Promise<string[]> {
    const holders = await database.flowCorrelation.findMany({ where: { key: linkKey("browser", browser) }, select: { flowId: true } });
    if (holders.length === 0) return [];
    const messages = await database.protocolExchange.findMany({
      where: {
        flowId: { in: holders.map((holder) => holder.flowId) },
        createdAt: { gte: new Date(now.getTime() - discoveryWindowMilliseconds) },
      },
      select: { id: true, kind: true, createdAt: true },
    });
    return discoveryRun(messages, now);
  }

  async function record(exchange: ExchangeToRecord): Promise<void> {
    const now = new Date();
    const ownLinks = linksOf(exchange.belongsTo);
    const flow = await flowOf(exchange, ownLinks);
    // A message no flow can claim (a client_credentials request, say) could never be shown.
    if (!flow) return;

    const body = await responseJson(exchange.response);
    const adopted = flow.create === "new" && exchange.adoptsDiscoveryOf ? await discoveryToAdopt(exchange.adoptsDiscoveryOf, now) : [];
    const keys = [...ownLinks, ...linksOf(exchange.handsOut)].map((link) => link.key);
    const parameters = exchange.parameters ? [...exchange.parameters] : undefined;
    // Writes only, in one transaction: the flow, its message and its links are stored together or
    // not at all. (A transaction that read first could not write in WAL mode when another app had
    // written in between.)
    await database.$transaction([
      ...(flow.create === "new" ? [database.recordedFlow.create({ data: { id: flow.flowId, subject: exchange.subject ?? null, createdAt: now } })] : []),
      ...(flow.create === "if-absent"
        ? [
            database.$executeRaw`INSERT INTO "RecordedFlow" ("id", "subject", "createdAt") VALUES (${flow.flowId}, ${exchange.subject ?? null}, ${now}) ON CONFLICT ("id") DO NOTHING`,
          ]
        : []),
      database.protocolExchange.create({
        data: {
          flowId: flow.flowId,
          kind: exchange.kind,
          steps: exchange.steps.join(","),
          recordedBy: app,
          fromRole: exchange.from,
          toRole: exchange.to,
          method: exchange.request.method,
          url: maskUrl(exchange.request.url),
          requestHeaders: JSON.stringify(maskRequestHeaders(exchange.request.headers)),
          requestBody: parameters ? JSON.stringify(maskParameters(parameters)) : null,
          status: exchange.response.status,
          responseHeaders: JSON.stringify(maskResponseHeaders(exchange.response.headers)),
          responseBody: body === undefined ? null : JSON.stringify(maskJson(body)),
          checks: exchange.checks ? JSON.stringify(exchange.checks) : null,
          clientId: exchange.clientId ?? clientIdOf(exchange.request.url, exchange.request.headers, parameters) ?? null,
          subject: exchange.subject ?? null,
          createdAt: now,
        },
      }),
      ...(adopted.length > 0
        ? [database.protocolExchange.updateMany({ where: { id: { in: adopted } }, data: { flowId: flow.flowId } })]
        : []),
      ...keys.map(
        (key) =>
          database.$executeRaw`INSERT INTO "FlowCorrelation" ("key", "flowId", "createdAt") VALUES (${key}, ${flow.flowId}, ${now}) ON CONFLICT ("key", "flowId") DO NOTHING`,
      ),
    ]);
  }

  return {
    enabled,
    async record(describe) {
      if (!enabled) return;
      let kind = "protocol";
      try {
        const exchange = await describe();
        kind = exchange.kind;
        await record(exchange);
      } catch (error) {
        console.warn(`${app}: the inspector could not record the ${kind} message:`, (error as Error)?.message ?? String(error));
      }
    },
  };
}
