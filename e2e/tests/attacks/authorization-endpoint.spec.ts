// Attacks on the authorization endpoint (step 1) and the consent form (step 2). Every attack is
// sent by a member who is signed in and has already allowed the client: if a check were missing,
// the server would answer at once with a code. It must answer with an error, and store no code.
import { apps } from "../../apps.ts";
import { codesIssuedTo, memberWhoAllowed, openConsentPage } from "../../fixtures/attack-flow.ts";
import { database, userId } from "../../fixtures/database.ts";
import { authorizationRequest, Browser } from "../../fixtures/http-flow.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";
import type { TestClient } from "../../fixtures/test-clients.ts";
import { registerTestUser } from "../../fixtures/test-users.ts";

const issuer = apps.authorizationServer.url;

function authorizeUrl(query: Record<string, string>): string {
  return `${issuer}/authorize?${new URLSearchParams(query)}`;
}

/** The request without one of its parameters. */
function without(query: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([key]) => key !== name));
}

/** The answer for the user, not the client: an HTML error page, and no redirect to anywhere. */
async function expectErrorPage(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("location")).toBeNull();
  expect(await response.text()).toContain("This sign-in request cannot be completed");
}

/** An error sent back to the client's registered redirect URI, with its state and our iss. */
function expectErrorRedirect(response: Response, client: TestClient, error: string, state: string) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(client.redirectUri);
  expect(location.searchParams.get("error")).toBe(error);
  expect(location.searchParams.get("state")).toBe(state);
  expect(location.searchParams.get("iss")).toBe(issuer);
  expect(location.searchParams.has("code")).toBe(false);
}

// RFC 6749 §3.1.2.3 and RFC 9700 §4.1.3: the redirect URI is compared with the registered one as
// an exact string. Anything else, however close, could send the code to an attacker; and since
// the redirect URI itself is in doubt, the error is shown to the user, not redirected
// (RFC 6749 §4.1.2.1).
const redirectUriTricks: { trick: string; tamper: (registered: string) => string }[] = [
  { trick: "a path segment added", tamper: (registered) => `${registered}/evil` },
  { trick: "a path traversal", tamper: (registered) => `${registered}/../other` },
  {
    trick: "another port",
    tamper: (registered) => {
      const url = new URL(registered);
      url.port = String(Number(url.port) + 50);
      return url.toString();
    },
  },
  { trick: "the host in capitals", tamper: (registered) => registered.replace("//localhost", "//LOCALHOST") },
  { trick: "the path in another case", tamper: (registered) => registered.replace("/e2e-callback/", "/E2E-Callback/") },
  { trick: "a userinfo part", tamper: (registered) => registered.replace("http://", "http://attacker@") },
  { trick: "a fragment", tamper: (registered) => `${registered}#fragment` },
  { trick: "an encoded slash in the path", tamper: (registered) => registered.replace("/e2e-callback/", "/e2e-callback%2F") },
  { trick: "another host", tamper: (registered) => registered.replace(apps.client.url, "https://attacker.example") },
];

for (const { trick, tamper } of redirectUriTricks) {
  test(`a redirect_uri with ${trick} gets the error page, no redirect and no code`, async ({ testClient, testUser }) => {
    const browser = await memberWhoAllowed(testClient, testUser);
    const codesBefore = await codesIssuedTo(testUser);
    const { query } = await authorizationRequest(testClient);
    const redirectUri = tamper(testClient.redirectUri);
    expect(redirectUri).not.toBe(testClient.redirectUri);

    await expectErrorPage(await browser.fetch(authorizeUrl({ ...query, redirect_uri: redirectUri })));
    expect(await codesIssuedTo(testUser)).toBe(codesBefore);
  });
}

// RFC 6749 §4.1.2.1: without a registered client there is no redirect URI to trust.
test("an unregistered client_id gets the error page, never a redirect", async ({ testClient, testUser }) => {
  const browser = await memberWhoAllowed(testClient, testUser);
  const codesBefore = await codesIssuedTo(testUser);
  const { query } = await authorizationRequest(testClient);

  await expectErrorPage(await browser.fetch(authorizeUrl({ ...query, client_id: `${testClient.id}-unregistered` })));
  expect(await codesIssuedTo(testUser)).toBe(codesBefore);
});

test("a request without a client_id gets the error page, never a redirect", async ({ testClient, testUser }) => {
  const browser = await memberWhoAllowed(testClient, testUser);
  const codesBefore = await codesIssuedTo(testUser);
  const { query } = await authorizationRequest(testClient);

  await expectErrorPage(await browser.fetch(authorizeUrl(without(query, "client_id"))));
  expect(await codesIssuedTo(testUser)).toBe(codesBefore);
});

// RFC 6749 §4.1.2.1: this server issues codes only; the implicit flow (RFC 9700 §2.1.2) and ID
// tokens are not offered.
for (const responseType of ["token", "code token", "id_token"]) {
  test(`response_type=${responseType} is answered unsupported_response_type at the redirect URI`, async ({ testClient, testUser }) => {
    const browser = await memberWhoAllowed(testClient, testUser);
    const codesBefore = await codesIssuedTo(testUser);
    const { query, state } = await authorizationRequest(testClient);

    const response = await browser.fetch(authorizeUrl({ ...query, response_type: responseType }));
    expectErrorRedirect(response, testClient, "unsupported_response_type", state);
    expect(new URL(response.headers.get("location")!).hash).toBe("");
    expect(await codesIssuedTo(testUser)).toBe(codesBefore);
  });
}

// RFC 7636 §4.4.1 and RFC 9700 §2.1.1: PKCE with S256 is required of every client. A challenge
// that is not the 43-character base64url SHA-256 of a verifier, or the plain method, is refused.
const pkceFaults: { fault: string; change: (query: Record<string, string>, verifier: string) => Record<string, string> }[] = [
  { fault: "no code_challenge", change: (query) => without(query, "code_challenge") },
  { fault: "a code_challenge of 42 characters", change: (query) => ({ ...query, code_challenge: query.code_challenge!.slice(0, 42) }) },
  { fault: "a code_challenge of 44 characters", change: (query) => ({ ...query, code_challenge: `${query.code_challenge}A` }) },
  { fault: "a code_challenge of 128 characters", change: (query) => ({ ...query, code_challenge: "A".repeat(128) }) },
  {
    fault: "a code_challenge with characters outside base64url",
    change: (query) => ({ ...query, code_challenge: `${query.code_challenge!.slice(0, 40)}+/=` }),
  },
  { fault: "code_challenge_method=plain", change: (query, verifier) => ({ ...query, code_challenge: verifier, code_challenge_method: "plain" }) },
  { fault: "no code_challenge_method", change: (query) => without(query, "code_challenge_method") },
];

for (const { fault, change } of pkceFaults) {
  test(`a request with ${fault} is answered invalid_request at the redirect URI`, async ({ testClient, testUser }) => {
    const browser = await memberWhoAllowed(testClient, testUser);
    const codesBefore = await codesIssuedTo(testUser);
    const { query, state, verifier } = await authorizationRequest(testClient);

    expectErrorRedirect(await browser.fetch(authorizeUrl(change(query, verifier))), testClient, "invalid_request", state);
    expect(await codesIssuedTo(testUser)).toBe(codesBefore);
  });
}

test("the same member's valid request gets a code at once: each refusal above is the attack's doing", async ({
  testClient,
  testUser,
}) => {
  const browser = await memberWhoAllowed(testClient, testUser);
  const codesBefore = await codesIssuedTo(testUser);
  const { query, state } = await authorizationRequest(testClient);

  const response = await browser.fetch(authorizeUrl(query));
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!);
  expect(location.searchParams.get("state")).toBe(state);
  expect(location.searchParams.get("code")).toMatch(/^[\w-]{43}$/);
  expect(await codesIssuedTo(testUser)).toBe(codesBefore + 1);
});

// RFC 6749 §10.12: the consent form carries a CSRF token bound to the session, so that another
// site cannot make a signed-in user's browser post "Allow".
async function consentRemembered(username: string, clientId: string): Promise<number> {
  return database.consent.count({ where: { userId: await userId(username), clientId } });
}

test("a consent decision posted without its CSRF token is refused with 403, and no code is issued", async ({
  testClient,
  testUser,
}) => {
  const browser = new Browser();
  const request = await authorizationRequest(testClient);
  const csrfToken = await openConsentPage(browser, testUser, request);

  const forged = await browser.postForm("/consent/decision", { ...request.query, decision: "allow" });
  expect(forged.status).toBe(403);
  expect(forged.headers.get("location")).toBeNull();
  expect(await forged.text()).toContain("The consent form has expired or did not come from this site.");
  expect(await codesIssuedTo(testUser)).toBe(0);
  expect(await consentRemembered(testUser.username, testClient.id)).toBe(0);

  // The same form with the session's own token is accepted: only the token was missing.
  const genuine = await browser.postForm("/consent/decision", { ...request.query, csrf_token: csrfToken, decision: "allow" });
  expect(genuine.status).toBe(303);
  expect(new URL(genuine.headers.get("location")!).searchParams.has("code")).toBe(true);
});

test("a consent decision posted with another session's CSRF token is refused with 403, and no code is issued", async ({
  testClient,
  testUser,
}) => {
  const victim = { browser: new Browser(), user: testUser, request: await authorizationRequest(testClient) };
  const attacker = { browser: new Browser(), user: await registerTestUser(), request: await authorizationRequest(testClient) };
  const victimToken = await openConsentPage(victim.browser, victim.user, victim.request);
  const attackerToken = await openConsentPage(attacker.browser, attacker.user, attacker.request);
  expect(attackerToken).not.toBe(victimToken);

  const forged = await victim.browser.postForm("/consent/decision", { ...victim.request.query, csrf_token: attackerToken, decision: "allow" });
  expect(forged.status).toBe(403);
  expect(forged.headers.get("location")).toBeNull();
  expect(await codesIssuedTo(victim.user)).toBe(0);
  expect(await codesIssuedTo(attacker.user)).toBe(0);
  expect(await consentRemembered(victim.user.username, testClient.id)).toBe(0);

  const genuine = await victim.browser.postForm("/consent/decision", { ...victim.request.query, csrf_token: victimToken, decision: "allow" });
  expect(genuine.status).toBe(303);
  expect(await codesIssuedTo(victim.user)).toBe(1);
});

// RFC 9700 §4.11.2: anyone may register a client with a redirect URI of their own (RFC 7591). The
// review that found this sent a visitor to https://evil.example under PhotoCloud's name with one
// link: the server must authenticate the user before it redirects anywhere.
async function selfRegisteredLookAlike(redirectUri = "https://evil.example/login"): Promise<string> {
  const response = await fetch(`${issuer}/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "PhotoCloud", redirect_uris: [redirectUri] }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

test("a self-registered client's authorization link sends a visitor to sign-in, never to its redirect URI", async () => {
  const clientId = await selfRegisteredLookAlike();

  const incomplete: Record<string, string>[] = [
    { client_id: clientId },
    { client_id: clientId, response_type: "token", state: "s" },
    { client_id: clientId, response_type: "code", scope: "admin", code_challenge: "x".repeat(43), code_challenge_method: "S256" },
  ];
  for (const query of incomplete) {
    const response = await new Browser().fetch(authorizeUrl(query));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, issuer);
    expect(location.origin).toBe(issuer);
    expect(location.pathname).toBe("/sign-in");
  }
});

test("the consent screen says a client registered itself, unreviewed, and names the host it sends the user to", async ({
  page,
  testClient,
  testUser,
}) => {
  const clientId = await selfRegisteredLookAlike("https://prints.mallory.example/callback");
  const { query } = await authorizationRequest({ id: clientId, secret: "unused", redirectUri: "https://prints.mallory.example/callback" });

  await page.goto(authorizeUrl(query));
  await signInAs(page, testUser.username, testUser.password);

  const note = page.getByRole("note", { name: "Not reviewed by PhotoCloud" });
  await expect(note).toContainText("PhotoCloud registered itself; not reviewed by PhotoCloud.");
  await expect(note).toContainText("you will be sent to prints.mallory.example");

  // A client an operator registered carries no such note.
  const reviewed = await authorizationRequest(testClient);
  await page.goto(authorizeUrl(reviewed.query));
  await expect(page.getByRole("heading", { name: `${testClient.name} wants to access your PhotoCloud account` })).toBeVisible();
  await expect(page.getByRole("note", { name: "Not reviewed by PhotoCloud" })).toHaveCount(0);
});
