// What PrintShop tells the inspector: the code arriving at its redirect URI (step 3, the client's
// side of it), and which flow a signed-in session came from. Recording never changes an answer.
import "server-only";
import { attackLabPages, findFlowId } from "@seven-steps/inspector";
import { createRecorder } from "@seven-steps/inspector/recorder";
import { readUnverifiedClaims, type CheckRun } from "@seven-steps/protocol";
import { db } from "@/db";
import { env } from "@/env";

export const recorder = createRecorder({ app: "client", enabled: env.RECORD_PROTOCOL_MESSAGES, database: db });

/** Where the attack lab's pages are, so that a Referer from anywhere else names no attack run. */
const attackLab = attackLabPages([env.ATTACKER_URL, env.CLIENT_APP_URL]);

/**
 * Step 3 as PrintShop receives it: the browser brings the code, the state and the issuer; `checks`
 * says whether the answer belonged to a sign-in this browser started.
 */
export function recordCallback(request: Request, response: Response, checks: readonly CheckRun[]): Promise<void> {
  return recorder.record(() => {
    const query = new URL(request.url).searchParams;
    return {
      kind: "callback",
      steps: [3],
      from: attackLab.senderOf(request, "user"),
      to: "client",
      request,
      parameters: query,
      response,
      belongsTo: { code: query.get("code") ?? undefined, attackRun: attackLab.runOf(request) },
      checks,
    };
  });
}

/**
 * The flow a sign-in came from, found by the jti of the access token it received. PrintShop reads
 * its own access token only for this; it never relies on its contents otherwise.
 */
export async function flowOfAccessToken(accessToken: string): Promise<string | undefined> {
  if (!recorder.enabled) return undefined;
  const jti = readUnverifiedClaims(accessToken)?.jti;
  try {
    return (jti && (await findFlowId(db, "jti", jti))) || undefined;
  } catch {
    return undefined;
  }
}
