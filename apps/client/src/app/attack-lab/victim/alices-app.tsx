"use client";

import {
  buildAuthorizationUrl,
  buildTokenRequest,
  computeCodeChallenge,
  generateCodeVerifier,
  processTokenResponse,
  AuthorizationResponseError,
  validateAuthorizationResponse,
} from "@seven-steps/protocol";
import type { AlicesAppAuthorizationServer, AlicesAppLeak, AlicesAppRedeem } from "@seven-steps/story";
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

interface SavedRun {
  runId: string;
  redeem: AlicesAppRedeem;
  verifier: string;
  state: string;
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

/** Step 1, as alice's app takes it: PKCE with a verifier kept in this tab, and a fresh state. */
async function start(configuration: AlicesAppConfiguration, query: URLSearchParams): Promise<string> {
  const runId = query.get("attack-run") ?? "";
  const redeem: AlicesAppRedeem = query.get("redeem") === "tokens" ? "tokens" : "code";
  const server: AlicesAppAuthorizationServer = query.get("as") === "mallory" ? "mallory" : "photocloud";
  const verifier = generateCodeVerifier();
  const state = randomState();
  const issuerCheckSwitchedOff = configuration.issuerCheckMaySwitchOff && query.get("weaken") === "mix-up-iss";
  sessionStorage.setItem(storageKey, JSON.stringify({ runId, redeem, verifier, state, server, issuerCheckSwitchedOff } satisfies SavedRun));
  const url = buildAuthorizationUrl(serverOf(configuration, server).authorizationEndpoint, {
    response_type: "code",
    client_id: configuration.clientId,
    redirect_uri: configuration.redirectUri,
    scope: query.get("scope") ?? "profile photos:read",
    state,
    code_challenge: await computeCodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  window.location.assign(url);
  return "Sending alice to PhotoCloud…";
}

/** Step 3 and, if the lab asked, steps 4 and 5; then what leaks goes to the lab's tab. */
async function finish(configuration: AlicesAppConfiguration, saved: SavedRun): Promise<AlicesAppLeak> {
  const arrived = new URL(window.location.href);
  // The code leaves the address bar at once; the run id stays, for the records of the requests to come.
  window.history.replaceState(null, "", `${arrived.pathname}?attack-run=${encodeURIComponent(saved.runId)}`);
  const leak: AlicesAppLeak = { type: "alices-app", runId: saved.runId };
  const server = serverOf(configuration, saved.server);
  try {
    leak.code = validateAuthorizationResponse(arrived, {
      expectedState: saved.state,
      expectedIssuer: server.issuer,
      issuerCheckSwitchedOff: saved.issuerCheckSwitchedOff,
    });
  } catch (error) {
    if (error instanceof AuthorizationResponseError) return { ...leak, error: error.code, refusal: { code: error.code, description: error.description } };
    return { ...leak, error: "invalid_response" };
  }
  if (saved.redeem === "code") return leak;
  const { url, init } = buildTokenRequest(
    server.tokenEndpoint,
    { grant_type: "authorization_code", code: leak.code, redirect_uri: configuration.redirectUri, code_verifier: saved.verifier },
    { method: "none", clientId: configuration.clientId },
  );
  try {
    const tokens = await processTokenResponse(await fetch(url, init));
    return { ...leak, tokens: { access_token: tokens.access_token, token_type: tokens.token_type, refresh_token: tokens.refresh_token, scope: tokens.scope } };
  } catch (error) {
    return { ...leak, error: (error as { code?: string }).code ?? "invalid_response" };
  }
}

async function play(configuration: AlicesAppConfiguration): Promise<string> {
  const query = new URLSearchParams(window.location.search);
  if (!query.has("code") && !query.has("error")) return start(configuration, query);
  const savedText = sessionStorage.getItem(storageKey);
  sessionStorage.removeItem(storageKey);
  if (!savedText) return "This tab started no run of the attack lab: open it from the lab.";
  const leak = await finish(configuration, JSON.parse(savedText) as SavedRun);
  if (!window.opener) return "The attack lab's tab is gone: run the attack again from the lab.";
  (window.opener as Window).postMessage(leak, configuration.labOrigin);
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
      <p role="status" className="rounded-lg border-2 border-line bg-white p-4">
        {status}
      </p>
    </>
  );
}
