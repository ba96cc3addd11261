// The authorization endpoint, step 1 (RFC 6749 §4.1.1): which requests it refuses, and how; where
// it sends a valid request next; and the code it issues (RFC 6749 §4.1.2, RFC 7636, RFC 9207).
import { isValidErrorDescription, parseScope, type CheckRun } from "@seven-steps/protocol";
import { demoWeakClient } from "@seven-steps/db/demo-data";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as authorizeEndpoint } from "@/app/authorize/route";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { alice, authorize, authorizationRequest, issuer, pkce, registerClient, signIn, type TestClient } from "./fixtures.ts";
import { expectRegistered, register } from "./registration-fixtures.ts";

type Query = Record<string, string>;

/** Calls the authorization endpoint with a query string exactly as given. */
function authorizeWithQuery(search: string, cookie?: string): Promise<Response> {
  return authorizeEndpoint(new Request(`${issuer}/authorize?${search}`, { headers: cookie ? { cookie } : {} }));
}

/**
 * Signs Alice in and records that she already allowed the client `scope`. A valid request from
 * her then ends with a code at once, so a test that expects no code shows the request was refused.
 */
async function aliceWhoAllowed(client: TestClient, scope = "profile photos:read"): Promise<string> {
  const cookie = await signIn(alice);
  const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
  await db.consent.create({ data: { userId: user.id, clientId: client.id, scope } });
  return cookie;
}

function codesIssuedTo(client: TestClient): Promise<number> {
  return db.authorizationCode.count({ where: { clientId: client.id } });
}

/** An error shown to the user on this server's own page: never a redirect (RFC 6749 §4.1.2.1). */
async function expectErrorPage(response: Response, error = "invalid_request") {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.text()).toContain(error);
}

/** The query of a 303 to `redirectUri`, which must keep the URI's own query and carry `iss`. */
function redirectToClient(response: Response, redirectUri: string): URLSearchParams {
  expect(response.status).toBe(303);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const location = new URL(response.headers.get("location") ?? "about:blank");
  const registered = new URL(redirectUri);
  expect(location.origin + location.pathname).toBe(registered.origin + registered.pathname);
  for (const [name, value] of registered.searchParams) expect(location.searchParams.get(name)).toBe(value);
  // RFC 9207 §2: every authorization response names its issuer.
  expect(location.searchParams.get("iss")).toBe(issuer);
  return location.searchParams;
}

/** An error sent back to the client (RFC 6749 §4.1.2.1), with the state it sent. */
function expectErrorRedirect(response: Response, redirectUri: string, error: string, state: string | undefined) {
  const parameters = redirectToClient(response, redirectUri);
  expect(parameters.get("error")).toBe(error);
  const description = parameters.get("error_description");
  expect(description).toBeTruthy();
  // RFC 6749 §5.2: error_description is printable ASCII without '"' and '\'.
  expect(isValidErrorDescription(description ?? "")).toBe(true);
  expect(parameters.get("state")).toBe(state ?? null);
  expect(parameters.has("code")).toBe(false);
}

describe("GET /authorize: errors shown to the user, never redirected (RFC 6749 §4.1.2.1, RFC 9700 §4.11)", () => {
  it("shows an error page when client_id is missing", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const { client_id: _omitted, ...request } = authorizationRequest(client, challenge);

    await expectErrorPage(await authorize(request, cookie));
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("shows an error page when client_id is not registered", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const before = await db.authorizationCode.count();

    await expectErrorPage(await authorize(authorizationRequest(client, challenge, { client_id: "no-such-client" }), cookie));
    expect(await db.authorizationCode.count()).toBe(before);
  });

  // RFC 9700 §2.1 and §4.1.3: redirect URIs are compared as exact strings, with no normalisation.
  it.each([
    { variant: "an extra path segment", redirectUri: "https://client.example/callback/extra" },
    { variant: "a different port", redirectUri: "https://client.example:8443/callback" },
    { variant: "the default port written out", redirectUri: "https://client.example:443/callback" },
    { variant: "another scheme", redirectUri: "http://client.example/callback" },
    { variant: "a host in other case", redirectUri: "https://CLIENT.example/callback" },
    { variant: "a path in other case", redirectUri: "https://client.example/Callback" },
    { variant: "an added query", redirectUri: "https://client.example/callback?next=/admin" },
    { variant: "a trailing slash", redirectUri: "https://client.example/callback/" },
    { variant: "a fragment", redirectUri: "https://client.example/callback#fragment" },
  ])("shows an error page when the redirect_uri differs from the registered one by $variant", async ({ redirectUri }) => {
    const client = await registerClient({ redirectUris: ["https://client.example/callback"] });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);

    await expectErrorPage(await authorize(authorizationRequest(client, challenge, { redirect_uri: redirectUri }), cookie));
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §4.1.2.1: an untrusted redirect URI wins over every error that would be redirected.
  it("shows an error page, not a redirect, when the redirect_uri is wrong and the request has other errors", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/callback"] });
    const request = { client_id: client.id, redirect_uri: "https://evil.example/callback", response_type: "token" };

    await expectErrorPage(await authorize(request));
  });

  // RFC 6749 §3.1.2.3: with several registered URIs the request must say which one.
  it("shows an error page when redirect_uri is omitted and the client registered two", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/one", "https://client.example/two"] });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const { redirect_uri: _omitted, ...request } = authorizationRequest(client, challenge);

    await expectErrorPage(await authorize(request, cookie));
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §3.1: request parameters must not be included more than once.
  it.each(["client_id", "redirect_uri"])("shows an error page when %s is repeated", async (name) => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge);
    const query = new URLSearchParams(request);
    query.append(name, request[name as "client_id" | "redirect_uri"]);

    await expectErrorPage(await authorizeWithQuery(query.toString(), cookie));
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("shows an error page when the query has a malformed percent-encoding", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    // Written by hand: URLSearchParams would encode the '%' and make the query well formed.
    const query =
      `response_type=code&client_id=${encodeURIComponent(client.id)}` +
      `&redirect_uri=${encodeURIComponent(client.redirectUri)}&scope=profile` +
      `&code_challenge=${challenge}&code_challenge_method=S256&state=%E0%A4%A`;

    await expectErrorPage(await authorizeWithQuery(query, cookie));
    expect(await codesIssuedTo(client)).toBe(0);
  });
});

/** Rewrites a valid request into an invalid one. */
type Change = (request: Query) => URLSearchParams;
const without =
  (name: string): Change =>
  (request) => {
    const query = new URLSearchParams(request);
    query.delete(name);
    return query;
  };
const withValue =
  (name: string, value: string): Change =>
  (request) => {
    const query = new URLSearchParams(request);
    query.set(name, value);
    return query;
  };
const repeated =
  (name: string, value: string): Change =>
  (request) => {
    const query = new URLSearchParams(request);
    query.append(name, value);
    return query;
  };

describe("GET /authorize: errors redirected to the client (RFC 6749 §4.1.2.1)", () => {
  it.each([
    // RFC 6749 §4.1.1: response_type is required.
    { rule: "response_type is missing", change: without("response_type"), error: "invalid_request" },
    // RFC 6749 §4.1.2.1: only the code flow is supported.
    { rule: "response_type is token", change: withValue("response_type", "token"), error: "unsupported_response_type" },
    // RFC 7636 §4.4.1: PKCE is required here, so a missing challenge is invalid_request.
    { rule: "code_challenge is missing", change: without("code_challenge"), error: "invalid_request" },
    // RFC 9700 §2.1.1: only S256; a missing method would mean plain (RFC 7636 §4.3).
    { rule: "code_challenge_method is missing", change: without("code_challenge_method"), error: "invalid_request" },
    { rule: "code_challenge_method is plain", change: withValue("code_challenge_method", "plain"), error: "invalid_request" },
    // RFC 7636 §4.2: an S256 challenge is 43 base64url characters.
    { rule: "code_challenge is too short", change: withValue("code_challenge", "abc"), error: "invalid_request" },
    { rule: "code_challenge is too long", change: withValue("code_challenge", "a".repeat(44)), error: "invalid_request" },
    { rule: "code_challenge has characters outside base64url", change: withValue("code_challenge", `${"a".repeat(42)}+`), error: "invalid_request" },
    // RFC 6749 §3.3: this server requires a scope and does not guess one.
    { rule: "scope is missing", change: without("scope"), error: "invalid_scope" },
    { rule: "scope has a double space", change: withValue("scope", "profile  photos:read"), error: "invalid_scope" },
    { rule: "scope has a leading space", change: withValue("scope", " profile"), error: "invalid_scope" },
    { rule: "scope names an unknown scope", change: withValue("scope", "profile photos:delete"), error: "invalid_scope" },
    // RFC 6749 §3.1: a parameter must not be sent twice.
    { rule: "scope is repeated", change: repeated("scope", "photos:write"), error: "invalid_request" },
    { rule: "response_type is repeated", change: repeated("response_type", "code"), error: "invalid_request" },
    // RFC 9449 §10: dpop_jkt is a JWK SHA-256 thumbprint, 43 base64url characters.
    { rule: "dpop_jkt is no thumbprint", change: withValue("dpop_jkt", "not-a-thumbprint"), error: "invalid_request" },
    { rule: "dpop_jkt is one character too long", change: withValue("dpop_jkt", "x".repeat(44)), error: "invalid_request" },
  ])("redirects $error with the unchanged state when $rule", async ({ change, error }) => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge);

    const response = await authorizeWithQuery(change(request).toString(), cookie);

    expectErrorRedirect(response, client.redirectUri, error, request.state);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §4.1.2.1: state is returned "if present"; two of them are neither, so none returns.
  it("redirects invalid_request when state is repeated", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge);

    const response = await authorizeWithQuery(repeated("state", "second-state")(request).toString(), cookie);

    expectErrorRedirect(response, client.redirectUri, "invalid_request", undefined);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §4.1.2.1: unauthorized_client, the client may not use this grant type.
  it("redirects unauthorized_client when the client may not use the authorization code grant", async () => {
    const client = await registerClient({ grantTypes: "client_credentials" });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge);

    expectErrorRedirect(await authorize(request, cookie), client.redirectUri, "unauthorized_client", request.state);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §3.3: the server may refuse scopes the client is not allowed.
  it("redirects invalid_scope when the client may not ask for a scope it requests", async () => {
    const client = await registerClient({ scopes: "profile" });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client, "profile");
    const request = authorizationRequest(client, challenge, { scope: "profile photos:read" });

    expectErrorRedirect(await authorize(request, cookie), client.redirectUri, "invalid_scope", request.state);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("redirects errors to the only registered redirect URI when redirect_uri is omitted", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const { redirect_uri: _omitted, ...request } = authorizationRequest(client, challenge, { response_type: "token" });

    expectErrorRedirect(await authorize(request, await signIn(alice)), client.redirectUri, "unsupported_response_type", request.state);
  });

  // RFC 6749 §3.1.2: the query of a registered redirect URI must be kept when adding parameters.
  it("keeps the query of a registered redirect URI in an error redirect", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/cb?tenant=7"] });
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge, { scope: "" });

    const parameters = redirectToClient(await authorize(request, await signIn(alice)), "https://client.example/cb?tenant=7");
    expect(parameters.get("tenant")).toBe("7");
    expect(parameters.get("error")).toBe("invalid_scope");
  });
});

// RFC 9700 §4.11.2: anyone may register a client with a redirect URI of their own (RFC 7591). Were
// errors redirected before sign-in, this server would send anyone's visitors wherever a
// registration says, under its own name.
describe("GET /authorize: nothing goes back to a client before the user has signed in (RFC 9700 §4.11.2)", () => {
  /** A 303 to this server's sign-in page, coming back to `request` afterwards. */
  function expectSignInFirst(response: Response): string {
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "about:blank", issuer);
    expect(location.origin).toBe(issuer);
    expect(location.pathname).toBe("/sign-in");
    const returnTo = location.searchParams.get("return_to") ?? "";
    expect(returnTo).toMatch(/^\/authorize\?/);
    return returnTo;
  }

  it("sends a visitor to sign-in, not to a self-registered client's redirect URI, when the request is incomplete", async () => {
    const registered = await expectRegistered(
      await register({ client_name: "PhotoCloud", redirect_uris: ["https://evil.example/login"] }),
    );

    const response = await authorize({ client_id: registered.client_id });

    expectSignInFirst(response);
    expect(response.headers.get("location")).not.toContain("evil.example");
  });

  it.each([
    { rule: "response_type is token", change: withValue("response_type", "token") },
    { rule: "code_challenge is missing", change: without("code_challenge") },
    { rule: "scope names an unknown scope", change: withValue("scope", "admin") },
    { rule: "scope is repeated", change: repeated("scope", "photos:write") },
  ])("sends a visitor to sign-in first, for any client, when $rule", async ({ change }) => {
    const client = await registerClient();
    const { challenge } = await pkce();

    expectSignInFirst(await authorizeWithQuery(change(authorizationRequest(client, challenge)).toString()));
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("sends the error back with its state and iss once the user has signed in", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge, { scope: "admin" });
    const returnTo = expectSignInFirst(await authorize(request));

    const cookie = await signIn(alice);
    const response = await authorizeEndpoint(new Request(new URL(returnTo, issuer), { headers: { cookie } }));

    expectErrorRedirect(response, client.redirectUri, "invalid_scope", request.state);
  });

  it("shows a signed-in user the error of a self-registered client on its own page, with a link, and redirects nowhere", async () => {
    const phishing = "http://localhost:3003/mallory/prints";
    const registered = await expectRegistered(await register({ client_name: "PrintShop", redirect_uris: [phishing], token_endpoint_auth_method: "none" }));
    const { challenge } = await pkce();
    const request = authorizationRequest({ id: registered.client_id, redirectUri: phishing } as TestClient, challenge, { scope: "admin" });

    const response = await authorize(request, await signIn(alice));

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const page = await response.text();
    expect(page).toContain("registered itself and has not been reviewed by PhotoCloud");
    expect(page).toContain("invalid_scope");
    // The user may still go: the link carries the error, its state and iss, as the redirect would.
    const link = new URL(/href="([^"]+)"/.exec(page)![1]!.replaceAll("&amp;", "&"));
    expect(link.origin + link.pathname).toBe(phishing);
    expect(link.searchParams.get("error")).toBe("invalid_scope");
    expect(link.searchParams.get("state")).toBe(request.state);
    expect(link.searchParams.get("iss")).toBe(issuer);
  });
});

describe("GET /authorize: a valid request", () => {
  // RFC 6749 §3.1: the authorization server authenticates the resource owner first.
  it("sends a user who is not signed in to sign-in, returning to the same request", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);

    const response = await authorize(request);

    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = new URL(response.headers.get("location") ?? "", issuer);
    expect(location.origin).toBe(issuer);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("return_to")).toBe(`/authorize?${new URLSearchParams(request).toString()}`);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("asks a signed-in user who has not allowed these scopes for consent, with the same request", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const request = authorizationRequest(client, challenge);

    const response = await authorize(request, cookie);

    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = new URL(response.headers.get("location") ?? "", issuer);
    expect(location.origin).toBe(issuer);
    expect(location.pathname).toBe("/consent");
    expect(location.search).toBe(`?${new URLSearchParams(request).toString()}`);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("asks for consent again when the user allowed fewer scopes than requested", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client, "profile");

    const response = await authorize(authorizationRequest(client, challenge, { scope: "profile photos:read" }), cookie);

    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location") ?? "", issuer).pathname).toBe("/consent");
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §4.1.2: the code and the exact state, RFC 9207 §2: and iss.
  it("sends a user who already allowed the scopes straight back to the client with a code", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const state = "state with spaces & symbols/?=+%";
    const request = authorizationRequest(client, challenge, { state });

    const response = await authorize(request, cookie);

    const parameters = redirectToClient(response, client.redirectUri);
    // RFC 9700 §4.2.4: the page the code lands on must not leak it in a Referer header.
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(parameters.get("state")).toBe(state);
    expect(parameters.has("error")).toBe(false);
    // RFC 6749 §10.10: a code too long to guess: 256 bits, base64url.
    expect(parameters.get("code")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("stores only the hash of the code, bound to client, user, redirect URI, PKCE challenge and scope", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });

    const response = await authorize(authorizationRequest(client, challenge), cookie);
    const code = redirectToClient(response, client.redirectUri).get("code") ?? "";

    // RFC 6819 §5.1.4.1.3: the code is stored as a hash, never in clear.
    const row = await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row).toMatchObject({
      clientId: client.id,
      userId: user.id,
      redirectUri: client.redirectUri,
      redirectUriInRequest: true,
      codeChallenge: challenge,
      codeChallengeMethod: "S256",
      consumedAt: null,
    });
    expect(new Set(parseScope(row.scope))).toEqual(new Set(["profile", "photos:read"]));
    // RFC 6749 §4.1.2: a code is short-lived; this server allows at most 60 seconds.
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(60_000);
  });

  it("sends no state back when the request had none", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const { state: _omitted, ...request } = authorizationRequest(client, challenge);

    const parameters = redirectToClient(await authorize(request, cookie), client.redirectUri);
    expect(parameters.get("code")).toBeTruthy();
    expect(parameters.has("state")).toBe(false);
  });

  // RFC 6749 §3.1.2.3: with a single registered URI, redirect_uri may be omitted.
  it("uses the only registered redirect URI when redirect_uri is omitted, and remembers it was omitted", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const { redirect_uri: _omitted, ...request } = authorizationRequest(client, challenge);

    const code = redirectToClient(await authorize(request, cookie), client.redirectUri).get("code") ?? "";

    // RFC 6749 §4.1.3: the token request then need not repeat redirect_uri.
    const row = await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
    expect(row.redirectUri).toBe(client.redirectUri);
    expect(row.redirectUriInRequest).toBe(false);
  });

  it("accepts whichever of several registered redirect URIs the request names", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/one", "https://client.example/two"] });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);

    const response = await authorize(authorizationRequest(client, challenge, { redirect_uri: "https://client.example/two" }), cookie);

    expect(redirectToClient(response, "https://client.example/two").get("code")).toBeTruthy();
  });

  // RFC 6749 §3.1.2: the registered URI's query is kept when the code is added.
  it("keeps the query of a registered redirect URI when adding the code", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/cb?tenant=7"] });
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge);

    const parameters = redirectToClient(await authorize(request, cookie), "https://client.example/cb?tenant=7");
    expect(parameters.get("tenant")).toBe("7");
    expect(parameters.get("code")).toBeTruthy();
    expect(parameters.get("state")).toBe(request.state);
  });

  // RFC 6749 §3.1: unknown request parameters must be ignored.
  it("ignores parameters it does not know", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);
    const request = authorizationRequest(client, challenge, { utm_source: "newsletter", display: "page" });

    const parameters = redirectToClient(await authorize(request, cookie), client.redirectUri);
    expect(parameters.get("code")).toBeTruthy();
    expect(parameters.get("state")).toBe(request.state);
    expect(parameters.has("utm_source")).toBe(false);
  });

  // RFC 6749 §3.1: parameters sent without a value are treated as omitted.
  it("treats an empty state as no state", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);

    const parameters = redirectToClient(await authorize(authorizationRequest(client, challenge, { state: "" }), cookie), client.redirectUri);
    expect(parameters.get("code")).toBeTruthy();
    expect(parameters.has("state")).toBe(false);
  });

  it("treats an empty redirect_uri as omitted", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await aliceWhoAllowed(client);

    const response = await authorize(authorizationRequest(client, challenge, { redirect_uri: "" }), cookie);

    expect(redirectToClient(response, client.redirectUri).get("code")).toBeTruthy();
  });
});

// The attack lab's switch in checkRedirectUri (attack 3, RFC 9700 §4.1): for the weak demo client
// alone, and only while ATTACK_LAB_WEAKENING is on, the host of redirect_uri is compared, not the
// whole URI.
describe("GET /authorize: exact redirect URI matching, and the attack lab's switch for it", () => {
  const onAnotherPort = "http://localhost:3003/mallory/catch";

  async function serverStartedWith(weakening: "true" | "false") {
    vi.resetModules();
    vi.stubEnv("ATTACK_LAB_WEAKENING", weakening);
    const { GET } = await import("@/app/authorize/route");
    return (query: Query) => GET(new Request(`${issuer}/authorize?${new URLSearchParams(query).toString()}`));
  }

  async function weakClientRequest(redirectUri: string): Promise<Query> {
    const { challenge } = await pkce();
    return { ...authorizationRequest({ id: demoWeakClient.id, redirectUri } as TestClient, challenge) };
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    { bent: "a longer path", redirectUri: `${demoWeakClient.redirectUris[0]}/mallory` },
    { bent: "a path traversal", redirectUri: `${demoWeakClient.redirectUris[0]}/../../mallory` },
    { bent: "another port", redirectUri: onAnotherPort },
  ])("refuses $bent for the weak demo client, on its own page, while weakening is off", async ({ redirectUri }) => {
    const authorizeOn = await serverStartedWith("false");
    await expectErrorPage(await authorizeOn(await weakClientRequest(redirectUri)));
  });

  it("with weakening on, lets the weak demo client's request through with another port of the same host, recorded as switched off", async () => {
    const authorizeOn = await serverStartedWith("true");
    const request = await weakClientRequest(onAnotherPort);
    const response = await authorizeOn(request);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, issuer).pathname).toBe("/sign-in");
    const { checkRedirectUri } = await import("@/oauth/authorization-request/checks");
    const recorded = await db.protocolExchange.findFirstOrThrow({ where: { kind: "authorization-request", url: { contains: request.code_challenge! } } });
    const checks = JSON.parse(recorded.checks ?? "[]") as CheckRun[];
    expect(checks.find((check) => check.rule === checkRedirectUri.check.rule)?.outcome).toBe("switched-off");
  });

  it("with weakening on, still refuses another host, and every other client's bent URI", async () => {
    const authorizeOn = await serverStartedWith("true");
    await expectErrorPage(await authorizeOn(await weakClientRequest("http://mallory.example/catch")));
    const client = await registerClient();
    const { challenge } = await pkce();
    const bent = new URL(client.redirectUri);
    bent.port = "3003";
    await expectErrorPage(await authorizeOn(authorizationRequest({ ...client, redirectUri: bent.toString() }, challenge)));
  });
});
