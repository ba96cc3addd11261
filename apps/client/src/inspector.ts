// What PrintShop tells the inspector: the code arriving at its redirect URI (step 3, the client's
// side of it), and which flow a signed-in session came from.
import { findFlowId } from "@seven-steps/inspector";
import { createRecorder } from "@seven-steps/inspector/recorder";
import { decodeJwt } from "jose";
import { db } from "@/db";
import { env } from "@/env";

export const recorder = createRecorder({ app: "client", enabled: env.RECORD_PROTOCOL_MESSAGES, database: db });

/** Step 3 as PrintShop receives it: the browser brings the code, the state and the issuer. */
export async function recordCallback(request: Request, response: Response): Promise<void> {
  if (!recorder.enabled) return;
  const query = new URL(request.url).searchParams;
  await recorder.record({
    kind: "callback",
    steps: [3],
    from: "user",
    to: "client",
    request,
    parameters: query,
    response,
    belongsTo: { code: query.get("code") ?? undefined },
  });
}

/**
 * The flow a sign-in came from, found by the jti of the access token it received. PrintShop reads
 * its own access token only for this; it never relies on its contents otherwise.
 */
export async function flowOfAccessToken(accessToken: string): Promise<string | undefined> {
  if (!recorder.enabled) return undefined;
  try {
    const { jti } = decodeJwt(accessToken);
    return (jti && (await findFlowId(db, "jti", jti))) || undefined;
  } catch {
    return undefined;
  }
}
