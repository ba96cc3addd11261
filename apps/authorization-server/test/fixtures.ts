// What the authorization server's tests need: clients registered for the test, signed-in users,
// PKCE pairs, and the endpoints called as the browser or a client would call them.
import { demoUsers } from "@seven-steps/db/demo-data";
import { computeCodeChallenge, generateCodeVerifier, type TokenEndpointAuthMethod } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { GET as authorizeEndpoint } from "@/app/authorize/route";
import { POST as consentDecisionEndpoint } from "@/app/consent/decision/route";
import { POST as pushedAuthorizationRequestEndpoint } from "@/app/par/route";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { POST as tokenEndpoint } from "@/app/token/route";
import { db } from "@/db";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { readSessionToken } from "@/session/cookie";
import { findSignedInUser } from "@/session/session";

export const issuer = "http://localhost:3001";
export const alice = demoUsers[0];
export const bob = demoUsers[1];

export interface TestClient {
  id: string;
  secret: string | undefined;
  redirectUri: string;
  redirectUris: string[];
  authMethod: TokenEndpointAuthMethod;
}

/** Registers a client for one test. Confidential with client_secret_basic unless told otherwise. */
export async function registerClient(
  options: {
    authMethod?: TokenEndpointAuthMethod;
    redirectUris?: string[];
    scopes?: string;
    grantTypes?: string;
    name?: string;
    requirePushedAuthorizationRequests?: boolean;
    /** The attack lab's defences switched off for this client, as the seed lists them for printshop-weak. */
    weakenedDefences?: string;
  } = {},
): Promise<TestClient> {
  const id = `test-client-${randomUUID()}`;
  const authMethod = options.authMethod ?? "client_secret_basic";
  const secret = authMethod === "none" ? undefined : generateSecret();
  const redirectUris = options.redirectUris ?? [`https://client.example/callback/${id}`];
  await db.client.create({
    data: {
      id,
      name: options.name ?? "Test Client",
      secretHash: secret === undefined ? null : hashSecret(secret),
      tokenEndpointAuthMethod: authMethod,
      allowedScopes: options.scopes ?? "profile photos:read photos:write",
      allowedGrantTypes: options.grantTypes ?? "authorization_code refresh_token",
      redirectUris: { create: redirectUris.map((uri) => ({ uri })) },
      requirePushedAuthorizationRequests: options.requirePushedAuthorizationRequests ?? false,
      weakenedDefences: options.weakenedDefences ?? "",
    },
  });
  return { id, secret, redirectUri: redirectUris[0]!, redirectUris, authMethod };
}

/**
 * A service client: confidential, allowed only the client_credentials grant and the scope
 * photos:read, to ask for a token for itself (RFC 6749 §4.4).
 */
export function registerServiceClient(authMethod: TokenEndpointAuthMethod = "client_secret_basic"): Promise<TestClient> {
  return registerClient({ authMethod, grantTypes: "client_credentials", scopes: "photos:read" });
}

/** A fresh PKCE pair. */
export async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = generateCodeVerifier();
  return { verifier, challenge: await computeCodeChallenge(verifier) };
}

/** A form POST to one of this server's endpoints, sent from its own pages unless told otherwise. */
export function formRequest(
  path: string,
  fields: Record<string, string>,
  { cookie, origin = issuer, headers = {} }: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {},
): Request {
  return new Request(`${issuer}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(origin === null ? {} : { origin }),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs a user in through the sign-in form and returns the Cookie header of the new session. */
export async function signIn(user: { username: string; password: string } = alice): Promise<string> {
  const response = await passwordEndpoint(formRequest("/sign-in/password", { username: user.username, password: user.password, return_to: "/" }));
  const token = readSessionToken(response.headers.get("set-cookie")?.split(";")[0] ?? null);
  if (response.status !== 303 || !token) throw new Error(`sign-in of ${user.username} failed with ${response.status}`);
  return `photocloud_session=${token}`;
}

/** The CSRF token of a signed-in session. */
export async function csrfTokenOf(cookie: string): Promise<string> {
  const user = await findSignedInUser(cookie);
  if (!user) throw new Error("not signed in");
  return user.csrfToken;
}

/** Calls the authorization endpoint with the given query parameters. */
export function authorize(query: Record<string, string>, cookie?: string): Promise<Response> {
  const url = `${issuer}/authorize?${new URLSearchParams(query).toString()}`;
  return authorizeEndpoint(new Request(url, { headers: cookie ? { cookie } : {} }));
}

/** The standard, valid authorization request of a client. */
export function authorizationRequest(client: TestClient, challenge: string, extra: Record<string, string> = {}) {
  return {
    response_type: "code",
    client_id: client.id,
    redirect_uri: client.redirectUri,
    scope: "profile photos:read",
    state: `state-${randomUUID()}`,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  };
}

/** Posts a consent decision for an authorization request. */
export async function decide(
  request: Record<string, string>,
  decision: "allow" | "deny",
  cookie: string,
  csrfToken?: string,
): Promise<Response> {
  const fields = { ...request, decision, csrf_token: csrfToken ?? (await csrfTokenOf(cookie)) };
  return consentDecisionEndpoint(formRequest("/consent/decision", fields, { cookie }));
}

/** The query parameters of a redirect's Location. */
export function redirectParameters(response: Response): URLSearchParams {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location, issuer).searchParams;
}

/**
 * Steps 1 to 3 for a client and user: sign in, allow, and receive a code.
 */
export async function obtainCode(
  client: TestClient,
  options: { user?: { username: string; password: string }; scope?: string; extra?: Record<string, string> } = {},
) {
  const { verifier, challenge } = await pkce();
  const cookie = await signIn(options.user ?? alice);
  const request = authorizationRequest(client, challenge, { ...(options.scope ? { scope: options.scope } : {}), ...options.extra });
  const response = await decide(request, "allow", cookie);
  const parameters = redirectParameters(response);
  const code = parameters.get("code");
  if (!code) throw new Error(`no code: ${parameters.toString()}`);
  return { code, verifier, request, cookie, state: parameters.get("state") };
}

/**
 * Steps 1 to 3 as the inspector sees them: the authorization request first (which starts the
 * flow), then sign-in and consent, and the code. The flow's token requests are then recorded.
 */
export async function obtainRecordedCode(client: TestClient, user: { username: string; password: string } = alice) {
  const { verifier, challenge } = await pkce();
  const request = authorizationRequest(client, challenge);
  const started = await authorize(request);
  if (started.status !== 303) throw new Error(`the authorization request was answered ${started.status}`);
  const response = await decide(request, "allow", await signIn(user));
  return { code: redirectParameters(response).get("code")!, verifier };
}

/** Calls the token endpoint, authenticating as the client with its registered method. */
export function token(
  client: TestClient | null,
  fields: Record<string, string>,
  { headers = {} }: { headers?: Record<string, string> } = {},
): Promise<Response> {
  const body: Record<string, string> = { ...fields };
  const authHeaders: Record<string, string> = {};
  if (client?.authMethod === "client_secret_basic") authHeaders.authorization = basic(client.id, client.secret!);
  if (client?.authMethod === "client_secret_post") Object.assign(body, { client_id: client.id, client_secret: client.secret! });
  if (client?.authMethod === "none") body.client_id = client.id;
  return tokenEndpoint(formRequest("/token", body, { origin: null, headers: { ...authHeaders, ...headers } }));
}

/** Pushes an authorization request (RFC 9126 §2.1), authenticating as the client with its registered method. */
export function pushAuthorizationRequest(
  client: TestClient | null,
  fields: Record<string, string>,
  { headers = {}, origin = null }: { headers?: Record<string, string>; origin?: string | null } = {},
): Promise<Response> {
  const body: Record<string, string> = { ...fields };
  const authHeaders: Record<string, string> = {};
  if (client?.authMethod === "client_secret_basic") authHeaders.authorization = basic(client.id, client.secret!);
  if (client?.authMethod === "client_secret_post") Object.assign(body, { client_id: client.id, client_secret: client.secret! });
  if (client?.authMethod === "none") body.client_id = client.id;
  return pushedAuthorizationRequestEndpoint(formRequest("/par", body, { origin, headers: { ...authHeaders, ...headers } }));
}

/** `Authorization: Basic` as RFC 6749 §2.3.1 builds it: each part form-urlencoded first. */
export function basic(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replaceAll("%20", "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
}

/** Steps 1 to 5: a code redeemed for tokens. */
export async function obtainTokens(client: TestClient, options: Parameters<typeof obtainCode>[1] = {}) {
  const issued = await obtainCode(client, options);
  const response = await token(client, {
    grant_type: "authorization_code",
    code: issued.code,
    redirect_uri: client.redirectUri,
    code_verifier: issued.verifier,
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; refresh_token?: string; scope: string; expires_in: number };
  return { ...issued, ...body };
}

/**
 * A string shaped like a JWT whose claims are whatever the test says, under a signature nobody
 * made: what an attacker or a broken client can send wherever a token is expected.
 */
export function jwtShaped(claims: unknown, header: unknown = { alg: "ES256", typ: "at+jwt" }): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Claims of the wrong type or size, each in a token of its own: none may reach a query as it is. */
export const claimsOfTheWrongType: unknown[] = [
  { jti: 1 },
  { jti: true },
  { jti: null },
  { jti: { id: "x" } },
  { jti: ["a", "b"] },
  { jti: "x".repeat(1_000) },
  { jti: "" },
  { sub: 7, jti: "still-unknown", exp: "tomorrow", iat: [], aud: { x: 1 }, scope: 5, client_id: false },
  ["not", "an", "object"],
  "a string",
  42,
];
