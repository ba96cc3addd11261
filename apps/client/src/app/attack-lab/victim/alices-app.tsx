"use client";

import {
  buildAuthorizationUrl,
  buildTokenRequest,
  computeCodeChallenge,
  fetchWithDpopProof,
  generateCodeVerifier,
  generateDpopKeyPair,
  processTokenResponse,
  AuthorizationResponseError,
  validateAuthorizationResponse,
} from "@seven-steps/protocol";
import type {
  AlicesAppAuthorizationServer,
  AlicesAppCommand, AlicesAppDpop, AlicesAppLeak, AlicesAppRedeem, AlicesAppRefreshed,
  AlicesAppTokens,
} from "@seven-steps/story";
import { useEffect, useState } from "react";

export interface AlicesAppConfiguration {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  /** The attack lab's origin: the only one this page hands anything to. */
  labOrigin: string;
  /** The other authorization server alice's app knows, for the mix-up card: Mallory's. */
  mallorysServer: { issuer: string; authorizationEndpoint: string; tokenEndpoint: string };
  /** Whether a run of the lab may switch this client's `iss` check off (`mix-up-iss`): while ATTACK_LAB_WEAKENING is on. */
  issuerCheckMaySwitchOff: boolean;
}

/** One authorization of the run: with Bearer tokens, or tokens bound to a DPoP key. */
type Round = "bearer" | "dpop";

interface SavedRun {
  runId: string;
  redeem: AlicesAppRedeem;
  scope: string;
  resource: string | null;
  /** The rounds still to play, the one under way first. */
  rounds: Round[];
  /** Hand the code_verifier over too, as a log of the app's token request would. */
  leakTokenRequest: boolean;
  /** Stay open after the leak, refreshing when the lab asks. */
  keepOpen: boolean;
  verifier: string;
  state: string;
  /** What earlier rounds got. */
  leak: AlicesAppLeak;
  /** The authorization server alice picked. */
  server: AlicesAppAuthorizationServer;
  issuerCheckSwitchedOff: boolean;
}

/** The endpoints and issuer of the authorization server alice picked. */
function serverOf(configuration: AlicesAppConfiguration, server: AlicesAppAuthorizationServer) {
  return server === "mallory" ? configuration.mallorysServer : configuration;
}

const storageKey = "attack-lab-alices-app";

let alreadyPlayed = false;

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function roundsOf(redeem: AlicesAppRedeem, dpop: AlicesAppDpop): Round[] {
  if (redeem === "code" || dpop === "none") return ["bearer"];
  return dpop === "only" ? ["dpop"] : ["bearer", "dpop"];
}

/** Step 1 of a round, as alice's app takes it: PKCE with a verifier kept in this tab, and a fresh state. */
async function authorize(configuration: AlicesAppConfiguration, run: Omit<SavedRun, "verifier" | "state">): Promise<string> {
  const verifier = generateCodeVerifier();
  const state = randomState();
  sessionStorage.setItem(storageKey, JSON.stringify({ ...run, verifier, state } satisfies SavedRun));
  const url = buildAuthorizationUrl(serverOf(configuration, run.server).authorizationEndpoint, {
    response_type: "code",
    client_id: configuration.clientId,
    redirect_uri: configuration.redirectUri,
    scope: run.scope,
    ...(run.resource ? { resource: run.resource } : {}),
    state,
    code_challenge: await computeCodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  window.location.assign(url);
  return "Sending alice to PhotoCloud…";
}

function start(configuration: AlicesAppConfiguration, query: URLSearchParams): Promise<string> {
  const runId = query.get("attack-run") ?? "";
  const redeem: AlicesAppRedeem = query.get("redeem") === "tokens" ? "tokens" : "code";
  const dpop = query.get("dpop");
  return authorize(configuration, {
    runId,
    redeem,
    scope: query.get("scope") ?? "profile photos:read",
    resource: query.get("resource"),
    rounds: roundsOf(redeem, dpop === "only" || dpop === "also" ? dpop : "none"),
    leakTokenRequest: query.get("leak") === "token-request",
    keepOpen: query.get("keep-open") === "true",
    leak: { type: "alices-app", runId },
    server: query.get("as") === "mallory" ? "mallory" : "photocloud",
    issuerCheckSwitchedOff: configuration.issuerCheckMaySwitchOff && query.get("weaken") === "mix-up-iss",
  });
}

/**
 * Steps 4 and 5: the code redeemed with the verifier. In a DPoP round, with a proof of a key made
 * here for this token alone: non-extractable, so that it never leaves this tab, whatever leaks.
 */
async function redeemCode(configuration: AlicesAppConfiguration, saved: SavedRun, code: string, round: Round): Promise<AlicesAppTokens> {
  const { url, init } = buildTokenRequest(
    serverOf(configuration, saved.server).tokenEndpoint,
    { grant_type: "authorization_code", code, redirect_uri: configuration.redirectUri, code_verifier: saved.verifier },
    { method: "none", clientId: configuration.clientId },
  );
  const response = round === "dpop" ? await fetchWithDpopProof(url, { ...init, method: "POST" }, await generateDpopKeyPair()) : await fetch(url, init);
  const tokens = await processTokenResponse(response);
  return { access_token: tokens.access_token, token_type: tokens.token_type, refresh_token: tokens.refresh_token, scope: tokens.scope };
}

/** Step 3 and, if the lab asked, steps 4 and 5; then what leaks is added to what earlier rounds got. */
async function finish(configuration: AlicesAppConfiguration, saved: SavedRun): Promise<AlicesAppLeak> {
  const arrived = new URL(window.location.href);
  // The code leaves the address bar at once; the run id stays, for the records of the requests to come.
  window.history.replaceState(null, "", `${arrived.pathname}?attack-run=${encodeURIComponent(saved.runId)}`);
  const leak: AlicesAppLeak = { ...saved.leak };
  const round = saved.rounds[0] ?? "bearer";
  let code: string;
  try {
    code = validateAuthorizationResponse(arrived, {
      expectedState: saved.state,
      expectedIssuer: serverOf(configuration, saved.server).issuer,
      issuerCheckSwitchedOff: saved.issuerCheckSwitchedOff,
    });
  } catch (error) {
    if (error instanceof AuthorizationResponseError) return { ...leak, error: error.code, refusal: { code: error.code, description: error.description } };
    return { ...leak, error: "invalid_response" };
  }
  leak.code = code;
  if (saved.redeem === "code") return leak;
  if (saved.leakTokenRequest && round === "bearer") leak.code_verifier = saved.verifier;
  try {
    const tokens = await redeemCode(configuration, saved, code, round);
    return round === "dpop" ? { ...leak, dpopTokens: tokens } : { ...leak, tokens };
  } catch (error) {
    return { ...leak, error: (error as { code?: string }).code ?? "invalid_response" };
  }
}

/**
 * The app, its tab kept open for the lab: whenever the lab's tab asks, it refreshes its tokens
 * with its newest refresh token, as it would when its access token expires, and tells the lab how
 * the token endpoint answered. The new tokens never leave the app.
 */
function refreshWhenAsked(configuration: AlicesAppConfiguration, runId: string, refreshToken: string): void {
  let current = refreshToken;
  window.addEventListener("message", (event: MessageEvent) => {
    const command = event.data as AlicesAppCommand | undefined;
    if (event.origin !== configuration.labOrigin || command?.type !== "alices-app-refresh" || command.runId !== runId) return;
    const { url, init } = buildTokenRequest(
      configuration.tokenEndpoint,
      { grant_type: "refresh_token", refresh_token: current },
      { method: "none", clientId: configuration.clientId },
    );
    void (async () => {
      const answer: AlicesAppRefreshed = { type: "alices-app-refreshed", runId, status: 0 };
      try {
        const response = await fetch(url, init);
        answer.status = response.status;
        current = (await processTokenResponse(response)).refresh_token ?? current;
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        Object.assign(answer, { error: code ?? "invalid_response", error_description: message });
      }
      (window.opener as Window | null)?.postMessage(answer, configuration.labOrigin);
    })();
  });
}

async function play(configuration: AlicesAppConfiguration): Promise<string> {
  const query = new URLSearchParams(window.location.search);
  if (!query.has("code") && !query.has("error")) return start(configuration, query);
  const savedText = sessionStorage.getItem(storageKey);
  sessionStorage.removeItem(storageKey);
  if (!savedText) return "This tab started no run of the attack lab: open it from the lab.";
  const saved = JSON.parse(savedText) as SavedRun;
  const leak = await finish(configuration, saved);
  const [, ...rounds] = saved.rounds;
  // The next round starts from this page, its address still naming the run.
  if (!leak.error && rounds.length > 0) {
    return authorize(configuration, { ...saved, rounds, leak });
  }
  if (!window.opener) return "The attack lab's tab is gone: run the attack again from the lab.";
  const refreshToken = leak.tokens?.refresh_token;
  if (saved.keepOpen && refreshToken) refreshWhenAsked(configuration, saved.runId, refreshToken);
  (window.opener as Window).postMessage(leak, configuration.labOrigin);
  if (saved.keepOpen && refreshToken) return "alice's app has its tokens, and refreshes them when the lab asks. The lab closes this tab when the run ends.";
  window.close();
  return leak.error ? `alice's app got no code: ${leak.error}.` : "Done: the lab has what leaked. You can close this tab.";
}

/**
 * alice's app at work. Its page hands its address, run id included, to the requests it starts
 * (`unsafe-url`), so that the servers' records of alice's part join the lab's run; the code is
 * taken out of the address bar before any request is sent.
 */
export function AlicesApp({ configuration }: { configuration: AlicesAppConfiguration }) {
  const [status, setStatus] = useState("Starting…");
  useEffect(() => {
    // Once per page load: React's development mode runs effects twice.
    if (alreadyPlayed) return;
    alreadyPlayed = true;
    play(configuration).then(setStatus, (error: unknown) => setStatus(`alice's app failed: ${error instanceof Error ? error.message : String(error)}`));
  }, [configuration]);
  return (
    <>
      <meta name="referrer" content="unsafe-url" />
      <p role="status" className="rounded-lg border-2 border-line bg-surface p-4">
        {status}
      </p>
    </>
  );
}
