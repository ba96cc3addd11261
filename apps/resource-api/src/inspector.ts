// What the PhotoCloud API tells the inspector: steps 6 and 7 of each request, linked to its flow by
// the access token's jti. Recording never changes an answer: the recorder builds the record
// itself, and keeps whatever that throws.
import "server-only";
import { readUnverifiedClaims, type CheckTrail } from "@seven-steps/protocol";
import { createRecorder } from "@seven-steps/inspector/recorder";
import { db } from "@/db";
import { env } from "@/env";

export const recorder = createRecorder({ app: "resource-server", enabled: env.RECORD_PROTOCOL_MESSAGES, database: db });

/**
 * The jti of the request's Bearer token, read without checking anything: only to find the flow a
 * refused token belongs to, never to decide anything.
 */
function unverifiedJti(request: Request): string | undefined {
  const token = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
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
  return recorder.record(() => ({
    kind: "resource",
    steps: [6, 7],
    from: "client",
    to: "resource-server",
    request,
    response,
    belongsTo: { jti: verified?.jti ?? unverifiedJti(request) },
    subject: verified?.sub,
    checks: trail.runs,
  }));
}
