// Steps 1 to 5 over plain HTTP, without a browser: what the end-to-end attack, fuzz and load
// suites and the benchmarks drive. It does what a browser would: follow the authorization
// server's redirects by hand, keep its session cookie, read the consent form's CSRF token, and
// post the forms.
import { computeCodeChallenge, encodeBasicCredentials, generateCodeVerifier, type TokenResponse } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";

export interface FlowClient {
  id: string;
  secret?: string;
  redirectUri: string;
}

export interface FlowUser {
  username: string;
  password: string;
}

/** How requests are sent: the platform's `fetch` by default. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

export interface FlowOptions {
  /**
   * Sends every request of the flow instead of `fetch`: the attack lab's Mallory passes her own,
   * which marks each request as hers and sends nothing outside this repository's apps.
   */
  send?: Send;
}

/** A user's browser at one authorization server: it keeps the server's session cookie. */
export class Browser {
  private cookie: string | undefined;
  private readonly send: Send;

  constructor(
    readonly issuer: string,
    { send = fetch }: FlowOptions = {},
  ) {
    this.send = send;
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.send(url, {
      ...init,
      redirect: "manual",
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie?.startsWith("photocloud_session=")) this.cookie = setCookie.split(";")[0];
    return response;
  }

  /** A form post from one of the authorization server's own pages. */
  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.fetch(`${this.issuer}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.issuer },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export interface AuthorizationRequestValues {
  query: Record<string, string>;
  verifier: string;
  state: string;
}

/** A valid authorization request for a client, with a fresh PKCE pair and state. */
export async function authorizationRequest(client: FlowClient, scope = "profile photos:read"): Promise<AuthorizationRequestValues> {
  const verifier = generateCodeVerifier();
  const state = randomUUID();
  return {
    verifier,
    state,
    query: {
      response_type: "code",
      client_id: client.id,
      redirect_uri: client.redirectUri,
      scope,
      state,
      code_challenge: await computeCodeChallenge(verifier),
      code_challenge_method: "S256",
    },
  };
}

function location(response: Response, issuer: string): string {
  const value = response.headers.get("location");
  if (response.status !== 303 || !value) throw new Error(`expected a 303 redirect, got ${response.status}`);
  return new URL(value, issuer).toString();
}

/** The hidden csrf_token of the consent page. */
function csrfTokenIn(html: string): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no csrf_token on the consent page");
  return match[1];
}

/**
 * Steps 1 to 3: the authorization request, sign-in and consent (Allow), as a browser does them.
 * Returns where the authorization server finally redirected: the client's redirect URI, with the
 * code (or an error), the state and iss.
 */
export async function authorize(
  browser: Browser,
  user: FlowUser,
  request: AuthorizationRequestValues,
  decision: "allow" | "deny" = "allow",
): Promise<URL> {
  const { issuer } = browser;
  let next = location(await browser.fetch(`${issuer}/authorize?${new URLSearchParams(request.query)}`), issuer);
  if (next.startsWith(`${issuer}/sign-in`)) {
    const returnTo = new URL(next).searchParams.get("return_to") ?? "/";
    const signIn = await browser.postForm("/sign-in/password", { username: user.username, password: user.password, return_to: returnTo });
    next = location(signIn, issuer);
    if (next.startsWith(`${issuer}/sign-in`)) throw new Error(`sign-in of ${user.username} failed`);
    next = location(await browser.fetch(next), issuer);
  }
  if (next.startsWith(`${issuer}/consent`)) {
    const page = await browser.fetch(next);
    const csrfToken = csrfTokenIn(await page.text());
    next = location(await browser.postForm("/consent/decision", { ...request.query, csrf_token: csrfToken, decision }), issuer);
  }
  return new URL(next);
}

/** A POST to an authorization server's token endpoint, as a confidential client (Basic) or a public one. */
export function tokenRequest(issuer: string, client: FlowClient, fields: Record<string, string>, { send = fetch }: FlowOptions = {}): Promise<Response> {
  return send(`${issuer}/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(client.secret ? { authorization: encodeBasicCredentials(client.id, client.secret) } : {}),
    },
    body: new URLSearchParams(client.secret ? fields : { ...fields, client_id: client.id }).toString(),
  });
}

/** Steps 4 and 5: the code exchanged for tokens. Throws unless the answer is a 200. */
export async function redeem(issuer: string, client: FlowClient, code: string, verifier: string, options: FlowOptions = {}): Promise<TokenResponse> {
  const fields = { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: verifier };
  const response = await tokenRequest(issuer, client, fields, options);
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** Steps 1 to 3 for a user and a client, in a browser of its own: the code, and what it needs. */
export async function obtainCode(issuer: string, client: FlowClient, user: FlowUser, scope?: string, options: FlowOptions = {}) {
  const browser = new Browser(issuer, options);
  const request = await authorizationRequest(client, scope);
  const callback = await authorize(browser, user, request);
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`no code: ${callback.toString()}`);
  return { browser, request, code };
}

/** Steps 1 to 5 for a user and a client: the tokens the client ends up with. */
export async function signInOverHttp(issuer: string, client: FlowClient, user: FlowUser, scope?: string, options: FlowOptions = {}) {
  const { browser, request, code } = await obtainCode(issuer, client, user, scope, options);
  return { browser, request, code, tokens: await redeem(issuer, client, code, request.verifier, options) };
}
