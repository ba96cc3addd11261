// What the PhotoCloud API tells the inspector: steps 6 and 7 of each request, linked to its flow by
// the access token's jti; and step 0, a call without a token and the fetch of this API's metadata,
// kept by browser until a flow adopts it. Recording never changes an answer: the recorder builds
// the record itself, and keeps whatever that throws.
import "server-only";
import { readUnverifiedClaims, type CheckTrail } from "@seven-steps/protocol";
import { attackLabPages, browserOf } from "@seven-steps/inspector";
import { createRecorder } from "@seven-steps/inspector/recorder";
import { db } from "@/db";
import { env } from "@/env";

export const recorder = createRecorder({ app: "resource-server", enabled: env.RECORD_PROTOCOL_MESSAGES, database: db });

/** Where the attack lab's pages are, so that a Referer from anywhere else names no attack run. */
const attackLab = attackLabPages([env.ATTACKER_URL, env.CLIENT_APP_URL]);

/**
 * The jti of the request's Bearer or DPoP token, read without checking anything: only to find the
 * flow a refused token belongs to, never to decide anything.
 */
function unverifiedJti(request: Request): string | undefined {
  const token = /^(?:bearer|dpop)\s+(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
  return token ? readUnverifiedClaims(token)?.jti : undefined;
}

/**
 * Steps 6 and 7: the client's request with its access token, and the API's answer. `verified` is
 * what the API learned from a token it accepted; a refused token's flow is found by its jti alone.
 * `trail` holds the checks that ran on the request.
 */
export function recordResourceRequest(
  request: Request,
  response: Response,
  trail: CheckTrail,
  verified?: { jti: string; sub: string },
): Promise<void> {
  if (!request.headers.has("authorization")) return recordCallWithoutToken(request, response, trail);
  return recorder.record(() => ({
    kind: "resource",
    steps: [6, 7],
    from: attackLab.senderOf(request, "client"),
    to: "resource-server",
    request,
    response,
    belongsTo: { jti: verified?.jti ?? unverifiedJti(request), attackRun: attackLab.runOf(request) },
    subject: verified?.sub,
    checks: trail.runs,
  }));
}

/**
 * Step 0 begins: a call with no token at all, answered 401 with the challenge that names this
 * API's metadata (RFC 9728 §5.1).
 */
function recordCallWithoutToken(request: Request, response: Response, trail: CheckTrail): Promise<void> {
  return recorder.record(() => ({
    kind: "resource-challenge",
    steps: [0],
    from: attackLab.senderOf(request, "client"),
    to: "resource-server",
    request,
    response,
    belongsTo: { browser: browserOf(request), attackRun: attackLab.runOf(request) },
    startsFlow: true,
    checks: trail.runs,
  }));
}

/** Step 0: a fetch of this API's metadata (RFC 9728 §3). */
export function recordResourceMetadata(request: Request, response: Response): Promise<void> {
  return recorder.record(() => ({
    kind: "resource-metadata",
    steps: [0],
    from: attackLab.senderOf(request, "client"),
    to: "resource-server",
    request,
    response,
    belongsTo: { browser: browserOf(request), attackRun: attackLab.runOf(request) },
    startsFlow: true,
  }));
}
