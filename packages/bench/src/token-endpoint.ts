// Rows 2 to 4: the token endpoint under load, one grant type at a time.
import {
  authorizationRequest,
  authorize,
  Browser,
  redeem,
  type FlowClient,
  type FlowUser,
} from "@seven-steps/http-flow";
import { encodeBasicCredentials, type TokenResponse } from "@seven-steps/protocol";
import type autocannon from "autocannon";
import { apps } from "./apps.ts";
import { connections, durationSeconds, measure, type LoadResult } from "./load.ts";

const issuer = apps.authorizationServer.url;
const tokenUrl = `${issuer}/token`;

function tokenRequestOptions(client: FlowClient): autocannon.Request {
  return {
    method: "POST",
    path: "/token",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: encodeBasicCredentials(client.id, client.secret!) },
  };
}

/** Row 2: a service asking for tokens, nothing stored but the access token's record. */
export function clientCredentialsLoad(client: FlowClient): autocannon.Options {
  return {
    url: tokenUrl,
    requests: [{ ...tokenRequestOptions(client), body: "grant_type=client_credentials&scope=photos%3Aread" }],
  };
}

export interface MintedCode {
  code: string;
  verifier: string;
}

/**
 * Codes minted through the real authorization endpoint, as a signed-in member who has already
 * consented: each GET /authorize answers at once with a redirect that carries a new code. Signs
 * the member in and consents once, and returns the function that mints.
 */
export async function codeMinter(client: FlowClient, member: FlowUser): Promise<(count: number) => Promise<MintedCode[]>> {
  const browser = new Browser(issuer);
  await authorize(browser, member, await authorizationRequest(client)); // that first code is left unused
  const mintOne = async (): Promise<MintedCode> => {
    const request = await authorizationRequest(client);
    const response = await browser.fetch(`${issuer}/authorize?${new URLSearchParams(request.query)}`);
    const code = new URL(response.headers.get("location") ?? "", issuer).searchParams.get("code");
    if (response.status !== 303 || !code) throw new Error(`minting a code failed: ${response.status}`);
    return { code, verifier: request.verifier };
  };
  return async (count) => {
    const codes: MintedCode[] = [];
    const workers = Array.from({ length: 8 }, async (_, worker) => {
      for (let index = worker; index < count; index += 8) codes.push(await mintOne());
    });
    await Promise.all(workers);
    return codes;
  };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/**
 * Row 3: each request redeems a code of its own, with its PKCE verifier, taken from `pool`.
 * Whatever is left in the pool afterwards was not needed.
 */
export function codeRedemptionLoad(client: FlowClient, pool: MintedCode[]): autocannon.Options {
  const redemption = (minted: MintedCode | undefined) =>
    form({
      grant_type: "authorization_code",
      // When the pool runs dry, the request fails and is counted as an error.
      code: minted?.code ?? "no-code-left",
      code_verifier: minted?.verifier ?? "no-code-left-no-code-left-no-code-left-no-code-left",
      redirect_uri: client.redirectUri,
    });
  return {
    url: tokenUrl,
    requests: [{ ...tokenRequestOptions(client), setupRequest: (request) => ({ ...request, body: redemption(pool.pop()) }) }],
  };
}

/** Redeems minted codes, a connection's worth at a time: the tokens of each sign-in. */
export async function redeemCodes(client: FlowClient, codes: MintedCode[]): Promise<TokenResponse[]> {
  const responses: TokenResponse[] = [];
  for (let start = 0; start < codes.length; start += connections) {
    const batch = codes.slice(start, start + connections);
    responses.push(...(await Promise.all(batch.map(({ code, verifier }) => redeem(issuer, client, code, verifier)))));
  }
  return responses;
}

/** How many refresh tokens the refresh row starts from: two for each connection. */
export const refreshTokensNeeded = connections * 2;

/**
 * Row 4: refresh with rotation. Each answer's new refresh token goes back into the pool, and the
 * old one is never sent again: reusing it would revoke its grant (RFC 9700 §4.14.2).
 */
export function refreshLoad(client: FlowClient, refreshTokens: string[]): autocannon.Options {
  const pool = [...refreshTokens];
  return {
    url: tokenUrl,
    requests: [
      {
        ...tokenRequestOptions(client),
        setupRequest: (request) => ({ ...request, body: form({ grant_type: "refresh_token", refresh_token: pool.shift() ?? "none-left" }) }),
        onResponse: (status, body) => {
          if (status === 200) pool.push((JSON.parse(body) as { refresh_token: string }).refresh_token);
        },
      },
    ],
  };
}

/** How many codes to mint for row 3: the client_credentials rate over the run, and a fifth more. */
export function codesNeeded(clientCredentialsRate: number): number {
  return Math.ceil(clientCredentialsRate * durationSeconds * 1.2);
}

/** Rows 2 to 4, as one run measures them. */
export interface TokenRows {
  clientCredentials: LoadResult;
  authorizationCode: LoadResult;
  refreshToken: LoadResult;
}

/**
 * Rows 2 to 4 in order: client_credentials, then as many codes as that rate needs minted through
 * /authorize and redeemed under load, then refresh with rotation. `say` reports each step.
 */
export async function measureTokenRows(
  serviceClient: FlowClient,
  webClient: FlowClient,
  mintCodes: (count: number) => Promise<MintedCode[]>,
  say: (message: string) => void,
): Promise<TokenRows> {
  say("2. token endpoint, client_credentials");
  const clientCredentials = await measure(clientCredentialsLoad(serviceClient));

  const codeCount = codesNeeded(clientCredentials.requestsPerSecond);
  say(`3. token endpoint, authorization_code: minting ${codeCount} codes through /authorize first`);
  const codes = await mintCodes(codeCount);
  const authorizationCode = await measure(codeRedemptionLoad(webClient, codes));
  if (codes.length === 0) console.warn("  the codes ran out before the end: the requests without one count as errors");

  say("4. token endpoint, refresh_token with rotation");
  const refreshStart = await redeemCodes(webClient, await mintCodes(refreshTokensNeeded));
  const refreshToken = await measure(refreshLoad(webClient, refreshStart.map((tokens) => tokens.refresh_token!)));
  return { clientCredentials, authorizationCode, refreshToken };
}
