// Attacks on the token endpoint (steps 4 and 5): stolen, replayed or expired codes, stolen or
// replayed refresh tokens, wrong client secrets. Each is refused with the error RFC 6749 §5.2
// names, and nothing is issued: no grant, no access token, the code still unused.
import { generateCodeVerifier, type TokenResponse } from "@seven-steps/protocol";
import { generateSecret, hashSecret } from "@seven-steps/authorization-server/secret-hash";
import { decodeJwt } from "jose";
import { randomUUID } from "node:crypto";
import { apps } from "../../apps.ts";
import {
  freshCode,
  grantOfCode,
  introspect,
  issuedTo,
  storedCode,
  storedRefreshToken,
} from "../../fixtures/attack-flow.ts";
import { database } from "../../fixtures/database.ts";
import { redeem, signInOverHttp, tokenRequest, type FlowClient } from "../../fixtures/http-flow.ts";
import { expect, test } from "../../fixtures/test.ts";
import { registerTestClient, testCallbackBase } from "../../fixtures/test-clients.ts";

const issuer = apps.authorizationServer.url;

/** The fields of a code exchange, as the client that asked for the code would send them. */
function codeExchange(client: FlowClient, code: string, verifier: string): Record<string, string> {
  return { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: verifier };
}

function refresh(client: FlowClient, refreshToken: string, scope?: string): Promise<Response> {
  return tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken, ...(scope ? { scope } : {}) });
}

/** An error response of RFC 6749 §5.2, carrying no token. */
async function expectTokenError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.error).toBe(error);
  expect(body).not.toHaveProperty("access_token");
  expect(body).not.toHaveProperty("refresh_token");
}

async function expectCodeUnused(code: string) {
  const row = await storedCode(code);
  expect(row.consumedAt).toBeNull();
  expect(row.grantId).toBeNull();
}

/** Introspection says the token is inactive while it has not expired yet: it was revoked. */
async function expectRevokedBeforeExpiry(accessToken: string) {
  expect(await introspect(accessToken)).toEqual({ active: false });
  expect(decodeJwt(accessToken).exp! * 1000).toBeGreaterThan(Date.now());
}

// RFC 7636 §4.6: the verifier must hash to the challenge of the authorization request.
test("a wrong code_verifier is invalid_grant, and the code stays unused", async ({ testClient, testUser }) => {
  const { code, verifier } = await freshCode(testClient, testUser);

  const response = await tokenRequest(testClient, codeExchange(testClient, code, generateCodeVerifier()));
  await expectTokenError(response, 400, "invalid_grant");
  await expectCodeUnused(code);
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 0, accessTokens: 0 });

  // The code was not spent by the failure: its own verifier still redeems it.
  await redeem(testClient, code, verifier);
});

// RFC 7636 §4.1 and RFC 6749 §5.2: a missing or malformed verifier makes the request malformed.
const verifierFaults: { fault: string; change: (verifier: string) => string | undefined }[] = [
  { fault: "a missing code_verifier", change: () => undefined },
  { fault: "a code_verifier of 42 characters", change: (verifier) => verifier.slice(0, 42) },
  { fault: "a code_verifier of 129 characters", change: (verifier) => verifier.padEnd(129, "A") },
  { fault: "a code_verifier with a character outside the unreserved set", change: (verifier) => `${verifier.slice(0, 42)}!` },
];

for (const { fault, change } of verifierFaults) {
  test(`${fault} is invalid_request, and the code stays unused`, async ({ testClient, testUser }) => {
    const { code, verifier } = await freshCode(testClient, testUser);
    const fields = codeExchange(testClient, code, verifier);
    const presented = change(verifier);
    if (presented === undefined) delete fields.code_verifier;
    else fields.code_verifier = presented;

    const response = await tokenRequest(testClient, fields);
    await expectTokenError(response, 400, "invalid_request");
    await expectCodeUnused(code);
    expect(await issuedTo(testUser, testClient)).toEqual({ grants: 0, accessTokens: 0 });
  });
}

// RFC 6749 §4.1.2 and §10.5: a code is used once. A second use means it leaked, so the tokens
// issued from the first use are revoked too.
test("a code redeemed a second time is invalid_grant, and the tokens from the first redemption die", async ({
  testClient,
  testUser,
}) => {
  const { code, verifier } = await freshCode(testClient, testUser);
  const first = await redeem(testClient, code, verifier);
  expect(await introspect(first.access_token)).toMatchObject({ active: true });

  await expectTokenError(await tokenRequest(testClient, codeExchange(testClient, code, verifier)), 400, "invalid_grant");

  await expectRevokedBeforeExpiry(first.access_token);
  await expectTokenError(await refresh(testClient, first.refresh_token!), 400, "invalid_grant");
  expect((await grantOfCode(code)).revokedAt).not.toBeNull();
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 1, accessTokens: 1 });
});

test("a code redeemed eight times at once gives exactly one token, which is then revoked", async ({ testClient, testUser }) => {
  const { code, verifier } = await freshCode(testClient, testUser);

  const answers = await Promise.all(Array.from({ length: 8 }, () => tokenRequest(testClient, codeExchange(testClient, code, verifier))));
  const winners = answers.filter((answer) => answer.status === 200);
  expect(winners).toHaveLength(1);
  for (const loser of answers.filter((answer) => answer.status !== 200)) await expectTokenError(loser, 400, "invalid_grant");

  const issued = (await winners[0]!.json()) as TokenResponse;
  await expectRevokedBeforeExpiry(issued.access_token);
  await expectTokenError(await refresh(testClient, issued.refresh_token!), 400, "invalid_grant");
  expect((await grantOfCode(code)).revokedAt).not.toBeNull();
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 1, accessTokens: 1 });
});

// RFC 6749 §4.1.2: a code lives a short time (here 60 seconds).
test("an expired code is invalid_grant, and nothing is issued", async ({ testClient, testUser }) => {
  const { code, verifier } = await freshCode(testClient, testUser);
  await database.authorizationCode.update({ where: { codeHash: hashSecret(code) }, data: { expiresAt: new Date(Date.now() - 1_000) } });

  await expectTokenError(await tokenRequest(testClient, codeExchange(testClient, code, verifier)), 400, "invalid_grant");
  await expectCodeUnused(code);
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 0, accessTokens: 0 });
});

// RFC 6749 §4.1.3: the code is bound to the client it was issued to, and to its redirect URI.
test("a code presented by another client, or with another redirect_uri, is invalid_grant, and still works for its client", async ({
  testClient,
  testUser,
}) => {
  const { code, verifier } = await freshCode(testClient, testUser);
  const otherClient = await registerTestClient();

  await expectTokenError(await tokenRequest(otherClient, codeExchange(testClient, code, verifier)), 400, "invalid_grant");
  await expectTokenError(
    await tokenRequest(testClient, { ...codeExchange(testClient, code, verifier), redirect_uri: otherClient.redirectUri }),
    400,
    "invalid_grant",
  );
  await expectCodeUnused(code);
  expect(await issuedTo(testUser, otherClient)).toEqual({ grants: 0, accessTokens: 0 });
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 0, accessTokens: 0 });

  await redeem(testClient, code, verifier);
});

// RFC 6749 §6: a refresh token is bound to the client it was issued to.
test("a refresh token presented by another client is invalid_grant, and still works for its own client", async ({
  testClient,
  testUser,
}) => {
  const { tokens } = await signInOverHttp(testClient, testUser);
  const otherClient = await registerTestClient();

  await expectTokenError(await refresh(otherClient, tokens.refresh_token!), 400, "invalid_grant");
  const stored = await storedRefreshToken(tokens.refresh_token!);
  expect(stored.rotatedAt).toBeNull();
  expect(stored.grant.revokedAt).toBeNull();
  expect(await issuedTo(testUser, otherClient)).toEqual({ grants: 0, accessTokens: 0 });

  expect((await refresh(testClient, tokens.refresh_token!)).status).toBe(200);
});

// RFC 9700 §4.14.2: refresh tokens rotate; presenting a rotated one means one of its copies was
// stolen, and the server cannot tell whose, so the whole grant is revoked.
test("a refresh token used again after rotation is invalid_grant, and the whole grant is revoked", async ({ testClient, testUser }) => {
  const { tokens } = await signInOverHttp(testClient, testUser);
  const rotation = await refresh(testClient, tokens.refresh_token!);
  expect(rotation.status).toBe(200);
  const rotated = (await rotation.json()) as TokenResponse;

  await expectTokenError(await refresh(testClient, tokens.refresh_token!), 400, "invalid_grant");

  expect((await storedRefreshToken(tokens.refresh_token!)).grant.revokedAt).not.toBeNull();
  await expectTokenError(await refresh(testClient, rotated.refresh_token!), 400, "invalid_grant");
  await expectRevokedBeforeExpiry(rotated.access_token);
});

test("a refresh token used five times at once gives exactly one token, and the grant is revoked", async ({ testClient, testUser }) => {
  const { tokens } = await signInOverHttp(testClient, testUser);

  const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(testClient, tokens.refresh_token!)));
  const winners = answers.filter((answer) => answer.status === 200);
  expect(winners).toHaveLength(1);
  for (const loser of answers.filter((answer) => answer.status !== 200)) await expectTokenError(loser, 400, "invalid_grant");

  const issued = (await winners[0]!.json()) as TokenResponse;
  expect((await storedRefreshToken(tokens.refresh_token!)).grant.revokedAt).not.toBeNull();
  await expectTokenError(await refresh(testClient, issued.refresh_token!), 400, "invalid_grant");
  await expectRevokedBeforeExpiry(issued.access_token);
});

// RFC 6749 §6: a refresh may narrow the scope, never widen it.
test("a refresh asking for a wider scope is invalid_scope, and the refresh token is not rotated", async ({ testClient, testUser }) => {
  const { tokens } = await signInOverHttp(testClient, testUser, "photos:read");
  const accessTokensBefore = (await issuedTo(testUser, testClient)).accessTokens;

  await expectTokenError(await refresh(testClient, tokens.refresh_token!, "photos:read photos:write"), 400, "invalid_scope");

  const stored = await storedRefreshToken(tokens.refresh_token!);
  expect(stored.rotatedAt).toBeNull();
  expect(stored.grant.revokedAt).toBeNull();
  expect((await issuedTo(testUser, testClient)).accessTokens).toBe(accessTokensBefore);
  const withinScope = await refresh(testClient, tokens.refresh_token!);
  expect(withinScope.status).toBe(200);
  expect(((await withinScope.json()) as TokenResponse).scope).toBe("photos:read");
});

// RFC 6749 §5.2: a failed authentication is invalid_client; after an attempt with the
// Authorization header, a 401 with a WWW-Authenticate challenge.
test("a wrong client secret in the Basic header is a 401 invalid_client with a Basic challenge, and nothing is issued", async ({
  testClient,
  testUser,
}) => {
  const { code, verifier } = await freshCode(testClient, testUser);

  const response = await tokenRequest({ ...testClient, secret: generateSecret() }, codeExchange(testClient, code, verifier));
  expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
  await expectTokenError(response, 401, "invalid_client");
  await expectCodeUnused(code);
  expect(await issuedTo(testUser, testClient)).toEqual({ grants: 0, accessTokens: 0 });

  await redeem(testClient, code, verifier);
});

/** A confidential client that authenticates with its secret in the body (RFC 6749 §2.3.1). */
async function registerClientSecretPostClient() {
  const id = `e2e-post-${randomUUID()}`;
  const secret = generateSecret();
  const redirectUri = `${testCallbackBase}/${id}`;
  await database.client.create({
    data: {
      id,
      name: "Test Post Kiosk",
      secretHash: hashSecret(secret),
      tokenEndpointAuthMethod: "client_secret_post",
      allowedScopes: "profile photos:read photos:write",
      allowedGrantTypes: "authorization_code refresh_token",
      redirectUris: { create: [{ uri: redirectUri }] },
    },
  });
  return { id, secret, redirectUri };
}

function tokenRequestWithSecretInBody(clientId: string, secret: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, client_id: clientId, client_secret: secret }).toString(),
  });
}

test("a wrong client secret in the body is a 400 invalid_client, and nothing is issued", async ({ testUser }) => {
  const client = await registerClientSecretPostClient();
  const { code, verifier } = await freshCode(client, testUser);

  const response = await tokenRequestWithSecretInBody(client.id, generateSecret(), codeExchange(client, code, verifier));
  await expectTokenError(response, 400, "invalid_client");
  await expectCodeUnused(code);
  expect(await issuedTo(testUser, client)).toEqual({ grants: 0, accessTokens: 0 });

  // The client is registered right: with its own secret, the same code is redeemed.
  expect((await tokenRequestWithSecretInBody(client.id, client.secret, codeExchange(client, code, verifier))).status).toBe(200);
});
