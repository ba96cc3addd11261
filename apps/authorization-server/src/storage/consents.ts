import "server-only";
import { formatScope, parseScope } from "@seven-steps/protocol";
import { db } from "@/db";

/** The scopes a user has allowed a client so far; empty when none. */
export async function findConsentedScopes(userId: string, clientId: string): Promise<string[]> {
  const consent = await db.consent.findUnique({ where: { userId_clientId: { userId, clientId } } });
  return consent ? parseScope(consent.scope) : [];
}

/** Adds `scopes` to what the user allowed the client. */
export async function rememberConsent(userId: string, clientId: string, scopes: string[]): Promise<void> {
  const previous = await findConsentedScopes(userId, clientId);
  const scope = formatScope([...previous, ...scopes]);
  await db.consent.upsert({
    where: { userId_clientId: { userId, clientId } },
    update: { scope },
    create: { userId, clientId, scope },
  });
}
