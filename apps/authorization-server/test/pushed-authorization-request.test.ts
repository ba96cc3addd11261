// Pushed authorization requests (RFC 9126): POST /par, which authenticates the client and checks
// the request as the authorization endpoint would; then /authorize by reference, through sign-in
// and consent, the reference spent once by the answer it leads to.
import { referenceOfRequestUri, requestUriPrefix } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { OPTIONS as pushedAuthorizationRequestPreflight } from "@/app/par/route";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import {
  alice,
  authorize,
  authorizationRequest,
  basic,
  decide,
  issuer,
  pkce,
  pushAuthorizationRequest,
  redirectParameters,
  registerClient,
  signIn,
  type TestClient,
} from "./fixtures.ts";

const labOrigin = "http://localhost:3000";

/** Signs Alice in with these scopes already allowed to the client, so a valid request ends in a code at once. */
async function aliceWhoAllowed(client: TestClient, scope = "profile photos:read"): Promise<string> {
  const cookie = await signIn(alice);
  const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
  await db.consent.create({ data: { userId: user.id, clientId: client.id, scope } });
  return cookie;
}

/** Pushes the client's standard request; returns it, its request_uri and the PKCE verifier. */
async function pushed(client: TestClient, extra: Record<string, string> = {}) {
  const { verifier, challenge } = await pkce();
  const request = authorizationRequest(client, challenge, extra);
  const response = await pushAuthorizationRequest(client, request);
  expect(response.status).toBe(201);
  const { request_uri: requestUri } = (await response.json()) as { request_uri: string };
  return { request, requestUri, verifier, challenge };
}

/** The stored row of a request_uri, found by the hash of its reference. */
function storedRow(requestUri: string) {
  return db.pushedAuthorizationRequest.findUnique({ where: { referenceHash: hashSecret(referenceOfRequestUri(requestUri)!) } });
}

/** RFC 9126 §2.3: the token endpoint's error format, never cached. */
async function expectPushError(response: Response, error: string, status = 400): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  expect(body.error_description).toBeTruthy();
  return body.error_description;
}

/** An error shown on this server's page, never a redirect (RFC 6749 §4.1.2.1). */
async function expectErrorPage(response: Response, error: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("location")).toBeNull();
  expect(await response.text()).toContain(error);
}

function codesIssuedTo(client: TestClient): Promise<number> {
  return db.authorizationCode.count({ where: { clientId: client.id } });
}

describe("POST /par: a pushed request is accepted (RFC 9126 §2.2)", () => {
  it("answers 201 with a request_uri and a short expires_in, never cached, and stores only the reference's hash", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);
    const before = Date.now();

    const response = await pushAuthorizationRequest(client, request);

    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { request_uri: string; expires_in: number };
    expect(body.request_uri.startsWith(requestUriPrefix)).toBe(true);
    expect(body.expires_in).toBe(90);
    const reference = referenceOfRequestUri(body.request_uri)!;
    expect(reference).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await db.pushedAuthorizationRequest.findMany({ where: { clientId: client.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.referenceHash).toBe(hashSecret(reference));
    expect(JSON.stringify(row)).not.toContain(reference);
    expect(row!.usedAt).toBeNull();
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 89_000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 90_000);
    expect(Object.fromEntries(JSON.parse(row!.parameters) as [string, string][])).toEqual(request);
  });

  it("accepts a public client naming itself by client_id (none)", async () => {
    const client = await registerClient({ authMethod: "none" });
    await pushed(client);
  });

  it("accepts client_secret_post, and keeps no client_secret with the request", async () => {
    const client = await registerClient({ authMethod: "client_secret_post" });
    const { requestUri } = await pushed(client);

    const row = await storedRow(requestUri);
    expect(row!.parameters).not.toContain("client_secret");
    expect(row!.parameters).not.toContain(client.secret!);
  });

  it("gives a new reference for each push", async () => {
    const client = await registerClient();
    const first = await pushed(client);
    const second = await pushed(client);
    expect(first.requestUri).not.toBe(second.requestUri);
  });
});

describe("POST /par: client authentication as at the token endpoint (RFC 9126 §2.1)", () => {
  it("refuses a request without any client authentication: invalid_client", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const { client_id: _omitted, ...request } = authorizationRequest(client, challenge);

    await expectPushError(await pushAuthorizationRequest(null, request), "invalid_client");
    expect(await db.pushedAuthorizationRequest.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("refuses a confidential client that sends only its client_id: invalid_client", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();

    await expectPushError(await pushAuthorizationRequest({ ...client, authMethod: "none" }, authorizationRequest(client, challenge)), "invalid_client");
  });

  it("refuses a wrong secret in Basic with 401 and WWW-Authenticate: Basic", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();

    const response = await pushAuthorizationRequest(null, authorizationRequest(client, challenge), {
      headers: { authorization: basic(client.id, "wrong-secret") },
    });

    await expectPushError(response, "invalid_client", 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(await db.pushedAuthorizationRequest.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("throttles failed client authentications as the token endpoint does: 429 with Retry-After", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);
    const from = { "x-forwarded-for": "198.51.100.77" };
    for (let attempt = 0; attempt < 10; attempt++) {
      await pushAuthorizationRequest(null, request, { headers: { authorization: basic(client.id, "wrong"), ...from } });
    }

    const refused = await pushAuthorizationRequest(null, request, { headers: { authorization: basic(client.id, client.secret!), ...from } });

    await expectPushError(refused, "invalid_client", 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a client_id in the body that is not the authenticated client: invalid_request", async () => {
    const client = await registerClient();
    const other = await registerClient();
    const { challenge } = await pkce();

    await expectPushError(await pushAuthorizationRequest(client, authorizationRequest(other, challenge)), "invalid_request");
  });

  it("requires client_id in the body even with Basic: it is a parameter of the request (RFC 9126 §2.1)", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const { client_id: _omitted, ...request } = authorizationRequest(client, challenge);

    expect(await expectPushError(await pushAuthorizationRequest(client, request), "invalid_request")).toMatch(/client_id/);
  });
});

describe("POST /par: the authorization endpoint's checks, answered in JSON (RFC 9126 §2.1, §2.3)", () => {
  it.each([
    ["a request_uri inside the push (§2.1)", { request_uri: `${requestUriPrefix}abc` }, "invalid_request"],
    ["a redirect_uri not registered", { redirect_uri: "https://evil.example/callback" }, "invalid_request"],
    ["a scope the client may not ask for", { scope: "profile admin" }, "invalid_scope"],
    ["no code_challenge", { code_challenge: "" }, "invalid_request"],
    ["the plain PKCE method", { code_challenge_method: "plain" }, "invalid_request"],
    ["a response_type other than code", { response_type: "token" }, "unsupported_response_type"],
  ])("refuses %s", async (_case, change, error) => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const request: Record<string, string> = { ...authorizationRequest(client, challenge), ...change };

    const response = await pushAuthorizationRequest(client, request);

    await expectPushError(response, error);
    expect(response.headers.get("location")).toBeNull();
    expect(await db.pushedAuthorizationRequest.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("refuses a parameter sent twice: invalid_request", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const body = `${new URLSearchParams(authorizationRequest(client, challenge))}&scope=photos:write`;
    const { POST } = await import("@/app/par/route");

    const response = await POST(
      new Request(`${issuer}/par`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client.id, client.secret!) },
        body,
      }),
    );

    await expectPushError(response, "invalid_request");
  });

  it.each([
    ["a JSON body", "application/json", '{"client_id":"x"}'],
    ["a body that is not UTF-8 form encoding", "application/x-www-form-urlencoded", "client_id=%ff%fe&scope=%"],
    ["an empty body", "application/x-www-form-urlencoded", ""],
  ])("answers %s with a 4xx error, never a 500", async (_case, contentType, body) => {
    const { POST } = await import("@/app/par/route");
    const response = await POST(new Request(`${issuer}/par`, { method: "POST", headers: { "content-type": contentType }, body }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { error: string }).error).toMatch(/^invalid_(request|client)$/);
  });
});

describe("GET /authorize with client_id and request_uri (RFC 9126 §4)", () => {
  it("answers the pushed request: its redirect URI, its state, a code bound to its PKCE challenge", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { request, requestUri, challenge } = await pushed(client);

    const response = await authorize({ client_id: client.id, request_uri: requestUri }, cookie);

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(client.redirectUri);
    expect(location.searchParams.get("state")).toBe(request.state);
    expect(location.searchParams.get("iss")).toBe(issuer);
    const code = location.searchParams.get("code")!;
    expect(await db.authorizationCode.findUnique({ where: { codeHash: hashSecret(code) } })).toMatchObject({
      codeChallenge: challenge,
      redirectUri: client.redirectUri,
      scope: "profile photos:read",
    });
  });

  it("keeps every parameter the checks read, resource included (RFC 8707), and a bad one is refused at the push", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { requestUri } = await pushed(client, { resource: "http://localhost:3002" });

    const code = redirectParameters(await authorize({ client_id: client.id, request_uri: requestUri }, cookie)).get("code")!;

    expect(await db.authorizationCode.findUnique({ where: { codeHash: hashSecret(code) } })).toMatchObject({ resource: "http://localhost:3002" });
    const { challenge } = await pkce();
    await expectPushError(
      await pushAuthorizationRequest(client, authorizationRequest(client, challenge, { resource: "https://unknown.example/api" })),
      "invalid_target",
    );
  });

  it("ignores every other parameter of the URL: the request is the pushed one", async () => {
    const client = await registerClient({ redirectUris: ["https://client.example/one", "https://client.example/two"] });
    const cookie = await aliceWhoAllowed(client);
    const { request, requestUri } = await pushed(client);

    const response = await authorize(
      { client_id: client.id, request_uri: requestUri, redirect_uri: "https://client.example/two", state: "forged", scope: "photos:write" },
      cookie,
    );

    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://client.example/one");
    expect(location.searchParams.get("state")).toBe(request.state);
    expect(location.searchParams.has("code")).toBe(true);
  });

  it("is spent by the code: the row's usedAt is set once, and the same request_uri is then refused", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { requestUri } = await pushed(client);

    await authorize({ client_id: client.id, request_uri: requestUri }, cookie);
    const usedAt = (await storedRow(requestUri))!.usedAt;
    expect(usedAt).toBeInstanceOf(Date);

    const again = await authorize({ client_id: client.id, request_uri: requestUri }, cookie);

    await expectErrorPage(again, "invalid_request_uri");
    expect(await codesIssuedTo(client)).toBe(1);
    expect((await storedRow(requestUri))!.usedAt).toEqual(usedAt);
  });

  it("may be read again before it is used: through sign-in and back", async () => {
    const client = await registerClient();
    const { requestUri } = await pushed(client);
    const query = { client_id: client.id, request_uri: requestUri };

    const first = await authorize(query);
    expect(first.status).toBe(303);
    const signInUrl = new URL(first.headers.get("location")!, issuer);
    expect(signInUrl.pathname).toBe("/sign-in");
    const returnTo = new URL(signInUrl.searchParams.get("return_to")!, issuer);
    expect(Object.fromEntries(returnTo.searchParams)).toEqual(query);
    // A reload: still the same answer, and nothing spent.
    expect((await authorize(query)).status).toBe(303);
    expect((await storedRow(requestUri))!.usedAt).toBeNull();

    const cookie = await aliceWhoAllowed(client);
    expect(redirectParameters(await authorize(query, cookie)).has("code")).toBe(true);
  });

  it.each([
    ["unknown", () => `${requestUriPrefix}${"A".repeat(43)}`],
    ["not of this server's form", () => "https://client.example/request.jwt"],
  ])("refuses a request_uri that is %s with invalid_request_uri, on a page", async (_case, requestUri) => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);

    await expectErrorPage(await authorize({ client_id: client.id, request_uri: requestUri() }, cookie), "invalid_request_uri");
  });

  it("refuses an expired request_uri with invalid_request_uri, and does not spend it", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { requestUri } = await pushed(client);
    await db.pushedAuthorizationRequest.update({
      where: { referenceHash: hashSecret(referenceOfRequestUri(requestUri)!) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    await expectErrorPage(await authorize({ client_id: client.id, request_uri: requestUri }, cookie), "invalid_request_uri");
    expect(await codesIssuedTo(client)).toBe(0);
    expect((await storedRow(requestUri))!.usedAt).toBeNull();
  });

  it("refuses a request_uri pushed by another client: invalid_request_uri", async () => {
    const client = await registerClient();
    const other = await registerClient();
    const cookie = await aliceWhoAllowed(other);
    const { requestUri } = await pushed(client);

    await expectErrorPage(await authorize({ client_id: other.id, request_uri: requestUri }, cookie), "invalid_request_uri");
    expect(await codesIssuedTo(other)).toBe(0);
    expect((await storedRow(requestUri))!.usedAt).toBeNull();
  });

  it("refuses a request_uri without client_id: invalid_request", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { requestUri } = await pushed(client);

    await expectErrorPage(await authorize({ request_uri: requestUri }, cookie), "invalid_request");
  });
});

describe("consent with a pushed request", () => {
  it("sends the user to consent by reference, and Allow spends it with the code", async () => {
    const client = await registerClient();
    const cookie = await signIn(alice);
    const { request, requestUri } = await pushed(client);
    const reference = { client_id: client.id, request_uri: requestUri };

    const toConsent = await authorize(reference, cookie);
    expect(toConsent.status).toBe(303);
    const consentUrl = new URL(toConsent.headers.get("location")!, issuer);
    expect(consentUrl.pathname).toBe("/consent");
    expect(consentUrl.searchParams.get("request_uri")).toBe(requestUri);

    const allowed = await decide(reference, "allow", cookie);

    const parameters = redirectParameters(allowed);
    expect(parameters.get("state")).toBe(request.state);
    expect(parameters.has("code")).toBe(true);
    expect((await storedRow(requestUri))!.usedAt).toBeInstanceOf(Date);
    await expectErrorPage(await decide(reference, "allow", cookie), "invalid_request_uri");
    expect(await codesIssuedTo(client)).toBe(1);
  });

  it("Deny sends access_denied with the pushed state, and spends the request", async () => {
    const client = await registerClient();
    const cookie = await signIn(alice);
    const { request, requestUri } = await pushed(client);

    const denied = await decide({ client_id: client.id, request_uri: requestUri }, "deny", cookie);

    const parameters = redirectParameters(denied);
    expect(parameters.get("error")).toBe("access_denied");
    expect(parameters.get("state")).toBe(request.state);
    expect((await storedRow(requestUri))!.usedAt).toBeInstanceOf(Date);
  });

  it("issues one code only when two decisions race on the same request_uri", async () => {
    const client = await registerClient();
    const cookie = await signIn(alice);
    const { requestUri } = await pushed(client);
    const reference = { client_id: client.id, request_uri: requestUri };

    const answers = await Promise.all([decide(reference, "allow", cookie), decide(reference, "allow", cookie)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
    expect(await codesIssuedTo(client)).toBe(1);
  });
});

describe("a client registered with require_pushed_authorization_requests (RFC 9126 §4, §6)", () => {
  it("is refused a request in the query with invalid_request, sent back with its state, and no code", async () => {
    const client = await registerClient({ requirePushedAuthorizationRequests: true });
    const cookie = await aliceWhoAllowed(client);
    const { challenge } = await pkce();
    const request = authorizationRequest(client, challenge);

    const parameters = redirectParameters(await authorize(request, cookie));

    expect(parameters.get("error")).toBe("invalid_request");
    expect(parameters.get("error_description")).toMatch(/push/);
    expect(parameters.get("state")).toBe(request.state);
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("is refused at consent too, where the form carries a plain request", async () => {
    const client = await registerClient({ requirePushedAuthorizationRequests: true });
    const cookie = await signIn(alice);
    const { challenge } = await pkce();

    const parameters = redirectParameters(await decide(authorizationRequest(client, challenge), "allow", cookie));

    expect(parameters.get("error")).toBe("invalid_request");
    expect(await codesIssuedTo(client)).toBe(0);
  });

  it("gets a code by pushing first", async () => {
    const client = await registerClient({ requirePushedAuthorizationRequests: true });
    const cookie = await aliceWhoAllowed(client);
    const { requestUri } = await pushed(client);

    expect(redirectParameters(await authorize({ client_id: client.id, request_uri: requestUri }, cookie)).has("code")).toBe(true);
  });
});

describe("POST /par from the lab, a browser-based public client (CORS)", () => {
  it("answers the preflight from the client app's origin, allowing the DPoP header", async () => {
    const response = pushedAuthorizationRequestPreflight(
      new Request(`${issuer}/par`, { method: "OPTIONS", headers: { origin: labOrigin, "access-control-request-method": "POST" } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(labOrigin);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/\bDPoP\b/);
  });

  it("lets the client app's origin read the answer, and no other origin", async () => {
    const client = await registerClient({ authMethod: "none" });
    const { challenge } = await pkce();
    const fromLab = await pushAuthorizationRequest(client, authorizationRequest(client, challenge), { origin: labOrigin });
    expect(fromLab.headers.get("access-control-allow-origin")).toBe(labOrigin);

    const fromElsewhere = await pushAuthorizationRequest(client, authorizationRequest(client, (await pkce()).challenge), {
      origin: "https://evil.example",
    });
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the inspector: a pushed flow is one flow", () => {
  it("records the push as step 1, and the authorization request by reference joins its flow", async () => {
    const client = await registerClient();
    const cookie = await aliceWhoAllowed(client);
    const { requestUri, challenge } = await pushed(client);

    await authorize({ client_id: client.id, request_uri: requestUri }, cookie);

    const push = await db.protocolExchange.findFirstOrThrow({ where: { kind: "pushed-authorization-request", requestBody: { contains: challenge } } });
    expect(push).toMatchObject({ steps: "1", fromRole: "client", toRole: "authorization-server", status: 201 });
    const byReference = await db.protocolExchange.findFirstOrThrow({
      where: { kind: "authorization-request", url: { contains: encodeURIComponent(requestUri) } },
    });
    expect(byReference.flowId).toBe(push.flowId);
    expect(byReference.steps).toBe("1,3");

    const rules = (checks: string | null) => (JSON.parse(checks ?? "[]") as { rule: string; outcome: string }[]).map(({ rule, outcome }) => [rule, outcome]);
    expect(rules(push.checks)).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^the client authenticates/), "passed"],
        ["a pushed request carries no request_uri", "passed"],
        ["a PKCE code_challenge with the S256 method", "passed"],
      ]),
    );
    expect(rules(byReference.checks)).toEqual(
      expect.arrayContaining([
        ["request_uri names a request this client pushed, not expired and not yet used", "passed"],
        ["the request_uri is spent, once, by the authorization response it leads to", "passed"],
      ]),
    );
  });
});
