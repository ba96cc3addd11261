import type { Database } from "@seven-steps/db";
import type { Role } from "@seven-steps/protocol";
import { randomBytes } from "node:crypto";
import { linkKey, type LinkKind } from "./fingerprint.ts";
import { maskJson, maskParameters, maskRequestHeaders, maskResponseHeaders, maskUrl } from "./mask.ts";

export type RecordingApp = "client" | "authorization-server" | "resource-server";

export type ExchangeKind =
  | "authorization-request"
  | "sign-in"
  | "consent"
  | "callback"
  | "token"
  | "refresh"
  | "resource";

/** Values a flow carries from one app to the next, which link its messages together. */
export interface FlowLinks {
  /** The PKCE code_challenge: present from step 1, unique to the flow. */
  challenge?: string;
  code?: string;
  /** The `jti` of an access token. */
  jti?: string;
  refreshToken?: string;
}

export interface ExchangeToRecord {
  kind: ExchangeKind;
  /** Which of the seven steps the request and the response carry, for example [4, 5]. */
  steps: number[];
  /** Who sent the request and who answered it. */
  from: Role;
  to: Role;
  request: { method: string; url: string; headers: Headers };
  /** The request's query or form parameters, as sent. */
  parameters?: Iterable<[string, string]>;
  response: Response;
  /** Values in the exchange that tell which flow it belongs to. */
  belongsTo: FlowLinks;
  /** Values the exchange handed out, which later exchanges of the same flow will carry. */
  handsOut?: FlowLinks;
  /** Step 1 begins a new flow when no earlier message knows its values. */
  startsFlow?: boolean;
}

export interface Recorder {
  readonly enabled: boolean;
  /** Records an exchange. Never throws: a failure is logged, and the protocol goes on. */
  record(exchange: ExchangeToRecord): Promise<void>;
}

const linkKinds: Record<keyof FlowLinks, LinkKind> = { challenge: "challenge", code: "code", jti: "jti", refreshToken: "refresh" };

function keysOf(links: FlowLinks = {}): string[] {
  return Object.entries(links)
    .filter((entry): entry is [keyof FlowLinks, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => linkKey(linkKinds[name], value));
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
  async function record(exchange: ExchangeToRecord): Promise<void> {
    const ownKeys = keysOf(exchange.belongsTo);
    const known = ownKeys.length > 0 ? await database.flowCorrelation.findFirst({ where: { key: { in: ownKeys } } }) : null;
    const flowId = known?.flowId ?? (exchange.startsFlow && ownKeys.length > 0 ? randomBytes(12).toString("base64url") : null);
    // A message no flow can claim (a client_credentials request, say) could never be shown.
    if (!flowId) return;

    const body = await responseJson(exchange.response);
    await database.protocolExchange.create({
      data: {
        flowId,
        kind: exchange.kind,
        steps: exchange.steps.join(","),
        recordedBy: app,
        fromRole: exchange.from,
        toRole: exchange.to,
        method: exchange.request.method,
        url: maskUrl(exchange.request.url),
        requestHeaders: JSON.stringify(maskRequestHeaders(exchange.request.headers)),
        requestBody: exchange.parameters ? JSON.stringify(maskParameters(exchange.parameters)) : null,
        status: exchange.response.status,
        responseHeaders: JSON.stringify(maskResponseHeaders(exchange.response.headers)),
        responseBody: body === undefined ? null : JSON.stringify(maskJson(body)),
      },
    });
    // One INSERT per link, never a read followed by a write: in WAL mode, a transaction that reads
    // and then writes fails ("database is locked") when another app wrote in between.
    for (const key of [...ownKeys, ...keysOf(exchange.handsOut)]) {
      await database.$executeRaw`INSERT INTO "FlowCorrelation" ("key", "flowId", "createdAt") VALUES (${key}, ${flowId}, ${new Date()}) ON CONFLICT ("key") DO NOTHING`;
    }
  }

  return {
    enabled,
    async record(exchange) {
      if (!enabled) return;
      try {
        await record(exchange);
      } catch (error) {
        console.warn(`${app}: the inspector could not record the ${exchange.kind} message:`, (error as Error).message);
      }
    },
  };
}
