// The consent decision, step 2: what the user allows. Allow issues a code and remembers the
// scopes; Deny sends access_denied back; a form that did not come from the user's own session is
// refused (RFC 6749 §10.12).
import { isValidErrorDescription, parseScope } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { POST as consentDecisionEndpoint } from "@/app/consent/decision/route";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import {
  alice,
  authorize,
  authorizationRequest,
  bob,
  csrfTokenOf,
  decide,
  formRequest,
  issuer,
  pkce,
  redirectParameters,
  registerClient,
  signIn,
  type TestClient,
} from "./fixtures.ts";

async function userId(user: { username: string }): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { username: user.username } })).id;
}

function codesIssuedTo(client: TestClient): Promise<number> {
  return db.authorizationCode.count({ where: { clientId: client.id } });
}

async function consentOf(user: { username: string }, client: TestClient) {
  return db.consent.findUnique({ where: { userId_clientId: { userId: await userId(user), clientId: client.id } } });
}

/** Where a 303 goes: on this server (a path) or at the client (an absolute URL). */
function locationOf(response: Response): URL {
  expect(response.status).toBe(303);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return new URL(response.headers.get("location") ?? "about:blank", issuer);
}

/** Asserts a redirect to the client's redirect URI carrying `iss` (RFC 9207), and returns its query. */
function clientRedirect(response: Response, client: TestClient): URLSearchParams {
  const location = locationOf(response);
  expect(`${location.origin}${location.pathname}`).toBe(client.redirectUri);
  expect(location.searchParams.get("iss")).toBe(issuer);
  return location.searchParams;
}

/** Where GET /authorize goes next for this request: "client" with a code, or a path of this server. */
async function nextStepOf(request: Record<string, string>, cookie: string, client: TestClient): Promise<string> {
  const response = await authorize(request, cookie);
  const location = locationOf(response);
  if (location.origin === issuer) return location.pathname;
  expect(clientRedirect(response, client).get("code")).toBeTruthy();
  return "client";
}

/** A refused form: the 403 page, no redirect. */
function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("cache-control")).toBe("no-store");
}

describe("POST /consent/decision: allow and deny", () => {
  // RFC 6749 §4.1.2: the code, the exact state; RFC 9207 §2: the issuer.
  it("sends the user back to the client with a code, the state and iss when they allow", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const request = authorizationRequest(client, challenge);

    const response = await decide(request, "allow", cookie);

    const parameters = clientRedirect(response, client);
    // RFC 9700 §4.2.4: no Referer may carry the code onwards.
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(parameters.get("state")).toBe(request.state);
    expect(parameters.has("error")).toBe(false);
    const code = parameters.get("code") ?? "";
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
    expect(row).toMatchObject({ clientId: client.id, userId: await userId(alice), codeChallenge: challenge, consumedAt: null });
  });

  it("remembers the scopes the user allowed to the client", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);

    await decide(authorizationRequest(client, challenge, { scope: "profile photos:read" }), "allow", cookie);

    const consent = await consentOf(alice, client);
    expect(new Set(parseScope(consent?.scope ?? ""))).toEqual(new Set(["profile", "photos:read"]));
  });

  // RFC 6749 §4.1.2.1: access_denied, the resource owner denied the request.
  it("sends access_denied with the state and iss, and no code, when the user denies", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const request = authorizationRequest(client, challenge);

    const parameters = clientRedirect(await decide(request, "deny", cookie), client);

    expect(parameters.get("error")).toBe("access_denied");
    expect(isValidErrorDescription(parameters.get("error_description") ?? "")).toBe(true);
    expect(parameters.get("state")).toBe(request.state);
    expect(parameters.has("code")).toBe(false);
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });
});

describe("POST /consent/decision: forms that are refused (RFC 6749 §10.12)", () => {
  it("refuses a decision without a csrf_token", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const fields = { ...authorizationRequest(client, challenge), decision: "allow" };

    expectRefused(await consentDecisionEndpoint(formRequest("/consent/decision", fields, { cookie })));
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });

  it("refuses a decision carrying the csrf_token of another session", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const aliceCookie = await signIn(alice);
    const bobsToken = await csrfTokenOf(await signIn(bob));

    expectRefused(await decide(authorizationRequest(client, challenge), "allow", aliceCookie, bobsToken));
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });

  it("refuses a decision posted from another origin, even with the right csrf_token", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const fields = { ...authorizationRequest(client, challenge), decision: "allow", csrf_token: await csrfTokenOf(cookie) };

    const response = await consentDecisionEndpoint(formRequest("/consent/decision", fields, { cookie, origin: "https://evil.example" }));

    expectRefused(response);
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });

  it("sends a user who is not signed in to sign-in, returning to the authorization request", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);
    const fields = { ...request, decision: "allow", csrf_token: "not-a-session-token" };

    const location = locationOf(await consentDecisionEndpoint(formRequest("/consent/decision", fields)));

    expect(location.origin).toBe(issuer);
    expect(location.pathname).toBe("/sign-in");
    const returnTo = location.searchParams.get("return_to") ?? "";
    expect(returnTo.startsWith("/authorize?")).toBe(true);
    const carried = new URLSearchParams(returnTo.slice("/authorize?".length));
    expect(Object.fromEntries(carried)).toEqual(request);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  // RFC 6749 §4.1.2.1: a redirect URI that is not registered is shown, never redirected to.
  it("shows an error page, and does not redirect, when the form's redirect_uri was changed", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const tampered = authorizationRequest(client, challenge, { redirect_uri: "https://evil.example/callback" });

    const response = await decide(tampered, "allow", cookie);

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("location")).toBeNull();
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });

  it.each([
    { variant: "missing", decision: undefined },
    { variant: "neither allow nor deny", decision: "maybe" },
  ])("answers 400, with no code, when the decision is $variant", async ({ decision }) => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    const fields: Record<string, string> = { ...authorizationRequest(client, challenge), csrf_token: await csrfTokenOf(cookie) };
    if (decision !== undefined) fields.decision = decision;

    const response = await consentDecisionEndpoint(formRequest("/consent/decision", fields, { cookie }));

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await codesIssuedTo(client)).toBe(0);
    expect(await consentOf(alice, client)).toBeNull();
  });
});

describe("Remembered consent", () => {
  // RFC 6749 §3.3: scope order does not matter, and a subset needs no new consent.
  it.each([
    { requested: "profile photos:read", next: "client" },
    { requested: "photos:read profile", next: "client" },
    { requested: "profile", next: "client" },
    { requested: "profile photos:read photos:write", next: "/consent" },
  ])("after allowing profile photos:read, a request for $requested goes to $next", async ({ requested, next }) => {
    const client = await registerClient();
    const cookie = await signIn(alice);
    const first = await pkce();
    expect(redirectParameters(await decide(authorizationRequest(client, first.challenge), "allow", cookie)).get("code")).toBeTruthy();

    const { challenge } = await pkce();
    expect(await nextStepOf(authorizationRequest(client, challenge, { scope: requested }), cookie, client)).toBe(next);
  });

  it("is not inherited by another user", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);
    await decide(request, "allow", await signIn(alice));

    expect(await nextStepOf(request, await signIn(bob), client)).toBe("/consent");
    expect(await consentOf(bob, client)).toBeNull();
  });

  it("is not inherited by another client", async () => {
    const client = await registerClient();
    const otherClient = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn(alice);
    await decide(authorizationRequest(client, challenge), "allow", cookie);

    expect(await nextStepOf(authorizationRequest(otherClient, challenge), cookie, otherClient)).toBe("/consent");
    expect(await codesIssuedTo(otherClient)).toBe(0);
  });
});
