import "server-only";
import { demoMallorysResourceServer } from "@seven-steps/db/demo-data";
import { issuerKeys, readBearerToken, verifyAccessToken, type AccessTokenClaims } from "@seven-steps/protocol";
import { env } from "@/env";

/**
 * Mallory's Prints API: a resource server of her own, registered at PhotoCloud like any other
 * (the seed does it), so that clients may get tokens meant for it (RFC 8707). Its identifier is
 * the `aud` of those tokens.
 */
export const mallorysPrintsApi = `${env.ATTACKER_URL}${demoMallorysResourceServer.path}`;

/** PhotoCloud's signing keys, as any resource server finds them (RFC 8414, RFC 9068 §4). */
const keys = issuerKeys(env.ISSUER, { cooldownMilliseconds: 30_000 });

/**
 * Her API checks the tokens it receives as a resource server must: issued by PhotoCloud, for her
 * API. It is honest there; what she does next is not.
 */
export async function acceptToken(request: Request): Promise<{ token: string; claims: AccessTokenClaims }> {
  const token = await readBearerToken(request);
  if (token === null) throw new Error("no token");
  return { token, claims: await verifyAccessToken(token, { issuer: env.ISSUER, audience: mallorysPrintsApi, keys }) };
}

/** How long Mallory keeps a token her API received, for the run to replay it. */
const keptMilliseconds = 10 * 60_000;
const kept = ((globalThis as { mallorysReceivedTokens?: Map<string, { token: string; at: number }> }).mallorysReceivedTokens ??= new Map());

/** Keeps what her API received during a run of the lab. */
export function keepReceivedToken(runId: string, token: string): void {
  const now = Date.now();
  for (const [id, entry] of kept) if (now - entry.at > keptMilliseconds) kept.delete(id);
  if (kept.size >= 1000) kept.delete(kept.keys().next().value!);
  kept.set(runId, { token, at: now });
}

/** The token her API received during this run, if any. */
export function receivedToken(runId: string): string | undefined {
  const entry = kept.get(runId);
  return entry && Date.now() - entry.at <= keptMilliseconds ? entry.token : undefined;
}
