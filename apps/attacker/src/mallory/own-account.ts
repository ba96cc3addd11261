import "server-only";
import { demoUsers } from "@seven-steps/db/demo-data";
import { signInOverHttp } from "@seven-steps/http-flow";
import { metadataUrl, type TokenResponse } from "@seven-steps/protocol";
import type { JWK } from "jose";
import { victimClient } from "@/attacks/victim-client";
import { env } from "@/env";
import { MissingPrerequisite } from "@/attacks/attack";
import { OutsideTheLab, TargetDown, type Mallory } from "./http";
import { readBody } from "./loot";

/** Mallory's own PhotoCloud account, a demo account like alice's (packages/db/src/demo-data.ts). */
const mallorysAccount = demoUsers.find((user) => user.username === "mallory")!;

/**
 * Tokens for Mallory's own account, got the honest way: steps 1 to 5 over HTTP from her server,
 * signed in as herself, through the weak demo client (a public client anyone may use). Every
 * request is hers, marked with the run.
 */
export async function mallorysOwnTokens(mallory: Mallory, scope = "profile photos:read"): Promise<TokenResponse> {
  try {
    const { tokens } = await signInOverHttp(env.ISSUER, victimClient, mallorysAccount, scope, { send: (url, init) => mallory.fetch(url, init) });
    return tokens;
  } catch (error) {
    if (error instanceof TargetDown || error instanceof OutsideTheLab) throw error;
    throw new MissingPrerequisite(`Mallory could not get a token for her own account (${mallorysAccount.username}): ${(error as Error).message}.`, {
      cause: error,
    });
  }
}

/** The authorization server's published signing keys (RFC 8414's jwks_uri), which anyone may read. */
export async function publishedKeys(mallory: Mallory): Promise<JWK[]> {
  const metadata = (await readBody(await mallory.fetch(metadataUrl(env.ISSUER).toString()))) as { jwks_uri?: string } | null;
  if (!metadata?.jwks_uri) throw new MissingPrerequisite("The authorization server's metadata names no jwks_uri.");
  const jwks = (await readBody(await mallory.fetch(metadata.jwks_uri))) as { keys?: JWK[] } | null;
  if (!jwks?.keys?.length) throw new MissingPrerequisite("The authorization server publishes no signing key.");
  return jwks.keys;
}
