// Attacks on the PhotoCloud API (steps 6 and 7): forged, foreign and expired access tokens, a
// token in the URL, a member's token aimed at another member's photos, and a lying Host aimed at the
// API's metadata (RFC 9728).
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { apps } from "../../apps.ts";
import {
  accessTokenClaims,
  publishedKeys,
  realSigningKey,
  signAccessToken,
  unsignedToken,
  withPayload,
} from "../../fixtures/attack-tokens.ts";
import { database, userId } from "../../fixtures/database.ts";
import { signInOverHttp } from "../../fixtures/http-flow.ts";
import { expect, test } from "../../fixtures/test.ts";
import { registerTestUser, type TestUser } from "../../fixtures/test-users.ts";

const api = apps.resourceApi.url;

async function photosOf(user: TestUser) {
  return database.photo.findMany({ where: { ownerSub: await userId(user.username) }, orderBy: { takenAt: "asc" } });
}

/** An HS256 token whose HMAC secret is public: what a server that trusts the token's alg accepts. */
async function signedWithHmac(claims: JWTPayload, secret: string, kid: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid }).sign(new TextEncoder().encode(secret));
}

async function unknownKey(kid: string): Promise<{ kid: string; privateKey: CryptoKey }> {
  const { privateKey } = await generateKeyPair("ES256");
  return { kid, privateKey };
}

/** Each forgery is made for the member `sub`; all but the claim or signature named are right. */
const forgeries: { forgery: string; forge: (sub: string) => Promise<string> }[] = [
  // RFC 8725 §3.1: the algorithm is the verifier's choice, never the token's.
  { forgery: "an unsigned token (alg none)", forge: async (sub) => unsignedToken(accessTokenClaims(sub)) },
  {
    forgery: "an HS256 token keyed with the published public JWK",
    forge: async (sub) => {
      const [publicJwk] = await publishedKeys();
      return signedWithHmac(accessTokenClaims(sub), JSON.stringify(publicJwk), publicJwk!.kid!);
    },
  },
  {
    forgery: "an HS256 token keyed with the published public key in PEM form",
    forge: async (sub) => {
      const [publicJwk] = await publishedKeys();
      const pem = await exportSPKI((await importJWK(publicJwk!, "ES256")) as CryptoKey);
      return signedWithHmac(accessTokenClaims(sub), pem, publicJwk!.kid!);
    },
  },
  // RFC 9068 §4: the token must be meant for this API, by the expected issuer.
  {
    forgery: "a token for another audience (signed with the real key)",
    forge: async (sub) => signAccessToken({ ...accessTokenClaims(sub), aud: "https://other-api.example" }, await realSigningKey()),
  },
  {
    forgery: "a token from another issuer (signed with the real key)",
    forge: async (sub) => signAccessToken({ ...accessTokenClaims(sub), iss: "https://accounts.attacker.example" }, await realSigningKey()),
  },
  {
    forgery: "a token expired beyond the five-second leeway (signed with the real key)",
    forge: async (sub) => {
      const now = Math.floor(Date.now() / 1000);
      return signAccessToken({ ...accessTokenClaims(sub), iat: now - 90, exp: now - 30 }, await realSigningKey());
    },
  },
  { forgery: "a token signed by an unknown key", forge: async (sub) => signAccessToken(accessTokenClaims(sub), await unknownKey("attacker-key")) },
  {
    forgery: "a token signed by an unknown key that claims the real key's kid",
    forge: async (sub) => signAccessToken(accessTokenClaims(sub), await unknownKey((await realSigningKey()).kid)),
  },
  {
    forgery: "a real token whose payload was changed to name another member",
    forge: async (sub) => {
      const genuine = await signAccessToken(accessTokenClaims(sub), await realSigningKey());
      return withPayload(genuine, { ...accessTokenClaims(sub), sub: await userId("alice") });
    },
  },
];

async function getWithToken(request: APIRequestContext, path: string, token: string): Promise<APIResponse> {
  return request.get(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test("a token minted with the real key and the right claims opens the member's photos: the forgeries below differ only in their flaw", async ({
  request,
  testUser,
}) => {
  const [photo] = await photosOf(testUser);
  const token = await signAccessToken(accessTokenClaims(await userId(testUser.username)), await realSigningKey());

  const list = await getWithToken(request, "/photos", token);
  expect(list.status()).toBe(200);
  expect(((await list.json()).photos as { title: string }[]).map((each) => each.title).sort()).toEqual([...testUser.photoTitles].sort());
  expect((await getWithToken(request, `/photos/${photo!.id}`, token)).status()).toBe(200);
});

// RFC 6750 §3.1: a token that is malformed, forged, expired or not meant for this API is a 401
// with error="invalid_token" in the WWW-Authenticate challenge.
for (const { forgery, forge } of forgeries) {
  test(`${forgery} is refused with 401 invalid_token`, async ({ request, testUser }) => {
    const [photo] = await photosOf(testUser);
    const token = await forge(await userId(testUser.username));

    for (const path of ["/photos", `/photos/${photo!.id}`]) {
      const response = await getWithToken(request, path, token);
      expect(response.status(), path).toBe(401);
      expect(response.headers()["www-authenticate"], path).toMatch(/^Bearer realm="PhotoCloud API", error="invalid_token"/);
      expect((await response.json()).error, path).toBe("invalid_token");
    }
  });
}

// Isolation: a photo is found only under its owner's sub. Another member's photo is answered
// exactly like one that does not exist, so a token cannot even learn that it is there.
const reachesForPhoto: { action: string; send: (request: APIRequestContext, id: string, token: string) => Promise<APIResponse> }[] = [
  { action: "read", send: (request, id, token) => getWithToken(request, `/photos/${id}`, token) },
  {
    action: "change",
    send: (request, id, token) =>
      request.patch(`${api}/photos/${id}`, { headers: { authorization: `Bearer ${token}` }, data: { title: "Taken over" } }),
  },
  { action: "delete", send: (request, id, token) => request.delete(`${api}/photos/${id}`, { headers: { authorization: `Bearer ${token}` } }) },
  { action: "fetch the picture of", send: (request, id, token) => getWithToken(request, `/photos/${id}/picture`, token) },
];

for (const { action, send } of reachesForPhoto) {
  test(`a member's token cannot ${action} another member's photo: 404 not_found, as for an unknown id`, async ({
    request,
    testClient,
    testUser,
  }) => {
    const otherMember = await registerTestUser();
    const [theirPhoto] = await photosOf(otherMember);
    const [ownPhoto] = await photosOf(testUser);
    const { tokens } = await signInOverHttp(testClient, testUser, "photos:read photos:write");

    const theirs = await send(request, theirPhoto!.id, tokens.access_token);
    const unknown = await send(request, randomUUID(), tokens.access_token);
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toMatchObject({ error: "not_found" });
    expect(theirs.status()).toBe(unknown.status());
    expect(await theirs.json()).toEqual(await unknown.json());
    expect(await database.photo.findUnique({ where: { id: theirPhoto!.id } })).toEqual(theirPhoto);

    // The token itself works: its own member's photo is there.
    expect((await getWithToken(request, `/photos/${ownPhoto!.id}`, tokens.access_token)).status()).toBe(200);
  });
}

// RFC 6750 §2.3 and §5.3: a token in a URL ends up in logs and browser histories. This API
// accepts tokens in the Authorization header only.
test("a valid token in the query string is refused with 400 invalid_request", async ({ request, testClient, testUser }) => {
  const { tokens } = await signInOverHttp(testClient, testUser, "photos:read");

  const response = await request.get(`${api}/photos?access_token=${encodeURIComponent(tokens.access_token)}`);
  expect(response.status()).toBe(400);
  expect(response.headers()["www-authenticate"]).toContain('error="invalid_request"');
  expect((await response.json()).error).toBe("invalid_request");

  expect((await getWithToken(request, "/photos", tokens.access_token)).status()).toBe(200);
});

// RFC 9728 §7.3: metadata that named another authorization server would send a client, and its
// user's password, to an impostor. The API's metadata comes from its configuration only: a
// request that lies about the host it was sent to cannot change what it names.
test("/.well-known/oauth-protected-resource names the configured resource and issuer, whatever Host or X-Forwarded-Host claims", async ({
  request,
}) => {
  const expected = { resource: api, authorization_servers: [apps.authorizationServer.url] };
  const honest = await request.get(`${api}/.well-known/oauth-protected-resource`);
  expect(honest.status()).toBe(200);
  expect(await honest.json()).toMatchObject(expected);

  const lying = await request.get(`${api}/.well-known/oauth-protected-resource`, {
    headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  });
  expect(lying.status()).toBe(200);
  const body = await lying.text();
  expect(JSON.parse(body)).toMatchObject(expected);
  expect(body).not.toContain("evil.example");

  // The 401 of a call without a token points at the same, configured, metadata.
  const refused = await request.get(`${api}/photos`, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain(`resource_metadata="${api}/.well-known/oauth-protected-resource"`);
  expect(refused.headers()["www-authenticate"]).not.toContain("evil.example");
});
