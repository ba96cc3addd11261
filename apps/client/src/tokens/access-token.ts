import { buildTokenRequest, parseScope, processTokenResponse, TokenEndpointError } from "@seven-steps/protocol";
import { env } from "@/env";
import { claimRefresh, endClientSession, findClientSession, releaseRefresh, replaceTokens } from "@/storage/client-sessions";
import { authorizationServer, printShopCredentials } from "./authorization-server.ts";
import { seal, unseal } from "./vault.ts";

export type AccessTokenResult =
  | { status: "ok"; accessToken: string; scopes: string[] }
  /** The tokens can no longer be used: the user must sign in again. */
  | { status: "ended"; reason: string }
  /** The authorization server could not be reached to renew the token; try again later. */
  | { status: "unavailable"; reason: string };

type ClientSessionRow = NonNullable<Awaited<ReturnType<typeof findClientSession>>>;

const unavailable: AccessTokenResult = { status: "unavailable", reason: "PhotoCloud could not be reached to renew PrintShop's access." };

/** Renew an access token when less than this share of its lifetime is left, and at most 30 s before. */
const refreshShare = 0.2;
const refreshMarginCap = 30_000;

function needsRefresh(row: ClientSessionRow, now: number): boolean {
  const lifetime = row.accessTokenExpiresAt.getTime() - row.updatedAt.getTime();
  const margin = Math.min(refreshMarginCap, Math.max(lifetime, 0) * refreshShare);
  return row.accessTokenExpiresAt.getTime() - now <= margin;
}

/**
 * Errors of the token endpoint that say nothing about the refresh token: the server failed, or
 * cannot answer for a moment (its database is down, say), or its answer could not be read. The
 * session keeps its tokens and tries again later; every other error means the grant is over.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
const notAboutTheGrant: ReadonlySet<string> = new Set(["invalid_response", "server_error", "temporarily_unavailable"]);

/**
 * Exchanges the session's refresh token for new tokens (RFC 6749 §6) and stores them, the new
 * refresh token replacing the old one, which the server has just rotated out. Runs with the
 * refresh claimed (refreshIfStillNeeded): storing the tokens ends the claim, and so does giving
 * up while the grant may still stand.
 */
async function refresh(row: ClientSessionRow): Promise<AccessTokenResult> {
  if (!row.refreshToken) return end(row, "The access token expired and PrintShop holds no refresh token.");
  let tokens;
  try {
    const { token_endpoint } = await authorizationServer();
    const request = buildTokenRequest(
      token_endpoint,
      // `resource`: the new access token is for the PhotoCloud API, as the first one was (RFC 8707 §2.2).
      { grant_type: "refresh_token", refresh_token: await unseal(row.refreshToken), resource: env.RESOURCE_API_URL },
      printShopCredentials,
    );
    tokens = await processTokenResponse(await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(5_000) }));
  } catch (error) {
    if (error instanceof TokenEndpointError && !notAboutTheGrant.has(error.code)) {
      return end(row, `PhotoCloud refused to renew PrintShop's access (${error.code}: ${error.description})`);
    }
    await releaseRefresh(row);
    return unavailable;
  }

  const stored = await replaceTokens(row.id, row.refreshToken, {
    accessToken: await seal(tokens.access_token),
    accessTokenExpiresAt: new Date(Date.now() + (tokens.expires_in ?? 60) * 1000),
    refreshToken: tokens.refresh_token ? await seal(tokens.refresh_token) : row.refreshToken,
    scope: tokens.scope ?? row.scope,
  });
  if (!stored) return currentAccessToken(row.id);
  return { status: "ok", accessToken: tokens.access_token, scopes: parseScope(tokens.scope ?? row.scope) };
}

async function end(row: ClientSessionRow, reason: string): Promise<AccessTokenResult> {
  await endClientSession(row.id, reason);
  return { status: "ended", reason };
}

function current(row: ClientSessionRow | null): Promise<AccessTokenResult> | AccessTokenResult {
  if (!row) return { status: "ended", reason: "PrintShop no longer holds tokens for this session." };
  if (row.endedAt) return { status: "ended", reason: row.endedReason ?? "PrintShop's access has ended." };
  return unseal(row.accessToken).then((accessToken) => ({ status: "ok", accessToken, scopes: parseScope(row.scope) }));
}

async function currentAccessToken(sid: string): Promise<AccessTokenResult> {
  return current(await findClientSession(sid));
}

/**
 * How long an instance may hold the refresh of a session before the others stop waiting for it:
 * the token request's 5 s timeout, and time to store what it returned. An instance that stops
 * in the middle holds up its sessions' refreshes this long, no longer.
 */
const refreshClaimMilliseconds = 10_000;
const waitMilliseconds = 100;

/**
 * Reads the session again, then refreshes only if it still needs it: a refresh that finished
 * a moment ago has already stored new tokens, and its old refresh token must not be sent again.
 * The refresh is claimed in the database first, so that of several instances of PrintShop, one
 * sends the refresh token and the others wait for the tokens it stores.
 */
async function refreshIfStillNeeded(sid: string, force: boolean): Promise<AccessTokenResult> {
  const row = await findClientSession(sid);
  if (!row || row.endedAt || (!force && !needsRefresh(row, Date.now()))) return current(row);
  const now = new Date();
  if (!(await claimRefresh(row, now, new Date(now.getTime() + refreshClaimMilliseconds)))) return refreshedElsewhere(row);
  return refresh(row);
}

/**
 * Another instance holds the refresh of this session: waits for the tokens it stores, or for it
 * to give up, and never sends the same refresh token itself.
 */
async function refreshedElsewhere(row: ClientSessionRow): Promise<AccessTokenResult> {
  const giveUpAt = Date.now() + refreshClaimMilliseconds;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, waitMilliseconds));
    const latest = await findClientSession(row.id);
    if (!latest || latest.endedAt || latest.accessToken !== row.accessToken) return current(latest);
    const stillClaimed = latest.refreshingUntil !== null && latest.refreshingUntil.getTime() > Date.now();
    if (!stillClaimed || Date.now() >= giveUpAt) return unavailable;
  }
}

/**
 * Refreshes in flight in this process, by session. A page often makes several calls at once;
 * they must not each send the same refresh token, because the server treats a second use as
 * theft and revokes everything (RFC 9700 §4.14.2). Within one process they share one refresh,
 * without asking the database; across instances, the claim in the database (refreshIfStillNeeded)
 * does the same.
 */
const refreshing = new Map<string, Promise<AccessTokenResult>>();

/**
 * An access token for the signed-in session `sid`, renewed shortly before it expires.
 */
export async function accessTokenFor(sid: string): Promise<AccessTokenResult> {
  const inFlight = refreshing.get(sid);
  if (inFlight) return inFlight;
  const row = await findClientSession(sid);
  if (!row || row.endedAt || !needsRefresh(row, Date.now())) return current(row);
  return startRefresh(sid, false);
}

/**
 * A new access token now, whatever the old one's expiry: for when the resource server refused the
 * old one as invalid (it may have been revoked). Single-flight like any refresh.
 */
export async function renewAccessToken(sid: string): Promise<AccessTokenResult> {
  return refreshing.get(sid) ?? startRefresh(sid, true);
}

function startRefresh(sid: string, force: boolean): Promise<AccessTokenResult> {
  // Checked again: from here to the set below nothing else can run.
  let pending = refreshing.get(sid);
  if (!pending) {
    pending = refreshIfStillNeeded(sid, force).finally(() => refreshing.delete(sid));
    refreshing.set(sid, pending);
  }
  return pending;
}
