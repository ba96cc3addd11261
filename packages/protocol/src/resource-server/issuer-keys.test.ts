import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { SigningKeysUnavailable } from "./errors.ts";
import { issuerKeys } from "./issuer-keys.ts";
import { verifyAccessToken } from "./verify-access-token.ts";

const issuer = "http://auth.test";
const audience = "http://api.test";

interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

function tokenSignedWith(key: Key): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: "printshop", scope: "photos:read" })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: key.kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject("user-1")
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/** A fake authorization server: its metadata and JWKS, and a log of what was fetched. */
function fakeAuthorizationServer(options: { published: JWK[]; metadataIssuer?: string; down?: boolean }) {
  const fetched: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    fetched.push(new URL(url).pathname);
    if (options.down) throw new TypeError("fetch failed: connection refused");
    if (url === `${issuer}/.well-known/oauth-authorization-server`) {
      return Response.json({ issuer: options.metadataIssuer ?? issuer, jwks_uri: `${issuer}/jwks` });
    }
    if (url === `${issuer}/jwks`) return Response.json({ keys: options.published });
    return new Response("not found", { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, fetched, options };
}

let first: Key;
let second: Key;
beforeAll(async () => {
  first = await newKey("first");
  second = await newKey("second");
});

describe("issuerKeys", () => {
  it("finds the JWKS through the metadata and caches it", async () => {
    const server = fakeAuthorizationServer({ published: [first.publicJwk] });
    const keys = issuerKeys(issuer, { fetch: server.fetch });
    for (let index = 0; index < 3; index += 1) {
      await verifyAccessToken(await tokenSignedWith(first), { issuer, audience, keys });
    }
    expect(server.fetched).toEqual(["/.well-known/oauth-authorization-server", "/jwks"]);
  });

  it("fetches the JWKS again for an unknown kid, as after a key rotation", async () => {
    const server = fakeAuthorizationServer({ published: [first.publicJwk] });
    const keys = issuerKeys(issuer, { fetch: server.fetch, cooldownMilliseconds: 0 });
    await verifyAccessToken(await tokenSignedWith(first), { issuer, audience, keys });
    server.options.published = [second.publicJwk, first.publicJwk];
    await expect(verifyAccessToken(await tokenSignedWith(second), { issuer, audience, keys })).resolves.toBeTruthy();
    expect(server.fetched.filter((path) => path === "/jwks")).toHaveLength(2);
  });

  it("does not fetch again for an unknown kid within the cooldown", async () => {
    const server = fakeAuthorizationServer({ published: [first.publicJwk] });
    const keys = issuerKeys(issuer, { fetch: server.fetch, cooldownMilliseconds: 60_000 });
    await verifyAccessToken(await tokenSignedWith(first), { issuer, audience, keys });
    const unknown = await tokenSignedWith(second);
    for (let index = 0; index < 5; index += 1) {
      await expect(verifyAccessToken(unknown, { issuer, audience, keys })).rejects.toMatchObject({ code: "invalid_token" });
    }
    expect(server.fetched.filter((path) => path === "/jwks")).toHaveLength(1);
  });

  it("refuses metadata that names another issuer (RFC 8414 §3.3)", async () => {
    const server = fakeAuthorizationServer({ published: [first.publicJwk], metadataIssuer: "http://evil.test" });
    const keys = issuerKeys(issuer, { fetch: server.fetch });
    await expect(verifyAccessToken(await tokenSignedWith(first), { issuer, audience, keys })).rejects.toBeInstanceOf(
      SigningKeysUnavailable,
    );
    expect(server.fetched).not.toContain("/jwks");
  });

  it("reports an unreachable server as unavailable keys, then recovers when it is back", async () => {
    const server = fakeAuthorizationServer({ published: [first.publicJwk], down: true });
    const keys = issuerKeys(issuer, { fetch: server.fetch });
    const token = await tokenSignedWith(first);
    await expect(verifyAccessToken(token, { issuer, audience, keys })).rejects.toBeInstanceOf(SigningKeysUnavailable);
    server.options.down = false;
    await expect(verifyAccessToken(token, { issuer, audience, keys })).resolves.toMatchObject({ sub: "user-1" });
  });
});
