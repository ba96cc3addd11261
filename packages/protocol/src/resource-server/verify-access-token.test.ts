import {
  base64url,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { InsufficientScope, InvalidToken } from "./errors.ts";
import { VerifiedTokens } from "./verified-tokens.ts";
import { verifyAccessToken } from "./verify-access-token.ts";

const issuer = "http://localhost:3001";
const audience = "http://localhost:3002";
const now = new Date("2026-11-25T12:00:00Z");
const nowSeconds = Math.floor(now.getTime() / 1000);

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: JSONWebKeySet;
let publicJwk: Record<string, unknown>;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair("ES256")).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "ES256", use: "sig" };
  jwks = { keys: [publicJwk as never] };
});

const validClaims = (): JWTPayload => ({
  iss: issuer,
  sub: "user-1",
  aud: audience,
  iat: nowSeconds - 10,
  exp: nowSeconds + 600,
  jti: "token-1",
  client_id: "printshop",
  scope: "profile photos:read",
});

async function sign(
  claims: JWTPayload = validClaims(),
  header: Record<string, unknown> = {},
  key: CryptoKey = signingKey,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "key-1", ...header }).sign(key);
}

function verify(token: string, requiredScopes: string[] = []) {
  return verifyAccessToken(token, { issuer, audience, keys: createLocalJWKSet(jwks), requiredScopes, now });
}

async function rejection(token: string, requiredScopes: string[] = []): Promise<InvalidToken | InsufficientScope> {
  const error = await verify(token, requiredScopes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InvalidToken || error instanceof InsufficientScope)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}

/** A JWT assembled by hand, for headers and signatures jose would refuse to produce. */
function handMade(header: object, claims: object, signature: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  return `${input}.${signature(input)}`;
}

describe("verifyAccessToken (RFC 9068 §4)", () => {
  it("accepts a valid token and returns its claims", async () => {
    const claims = await verify(await sign(), ["photos:read"]);
    expect(claims).toMatchObject({ sub: "user-1", client_id: "printshop", scope: "profile photos:read", jti: "token-1" });
  });

  it("accepts the media type form of typ, application/at+jwt", async () => {
    await expect(verify(await sign(validClaims(), { typ: "application/at+jwt" }))).resolves.toMatchObject({ sub: "user-1" });
  });

  it("refuses a token signed with another key", async () => {
    const error = await rejection(await sign(validClaims(), {}, otherKey));
    expect(error.code).toBe("invalid_token");
    expect(error.description).toBe("The access token's signature does not verify.");
  });

  it("refuses alg none", async () => {
    const token = handMade({ alg: "none", typ: "at+jwt", kid: "key-1" }, validClaims(), () => "");
    expect((await rejection(token)).code).toBe("invalid_token");
  });

  it("refuses HS256 signed with the public key as the secret (algorithm confusion)", async () => {
    const secret = JSON.stringify(publicJwk);
    const token = handMade({ alg: "HS256", typ: "at+jwt", kid: "key-1" }, validClaims(), (input) =>
      createHmac("sha256", secret).update(input).digest("base64url"),
    );
    const error = await rejection(token);
    expect(error.code).toBe("invalid_token");
    expect(error.description).toBe("The access token must be signed with ES256.");
  });

  it.each([["JWT"], ["id_token+jwt"]])("refuses typ %s: only at+jwt is an access token", async (typ) => {
    const error = await rejection(await sign(validClaims(), { typ }));
    expect(error.description).toBe("This is not an access token: its typ header must be at+jwt.");
  });

  it("refuses a token without typ", async () => {
    const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: "ES256", kid: "key-1" }).sign(signingKey);
    expect((await rejection(token)).code).toBe("invalid_token");
  });

  it("refuses another issuer's token", async () => {
    const error = await rejection(await sign({ ...validClaims(), iss: "https://other-issuer.example" }));
    expect(error.description).toBe("The access token was issued by another authorization server.");
  });

  it("refuses a token for another audience", async () => {
    const error = await rejection(await sign({ ...validClaims(), aud: "https://other-api.example" }));
    expect(error.description).toBe("The access token is meant for another resource server.");
  });

  it("refuses a token for another audience even when the lab's switch is there but off", async () => {
    const token = await sign({ ...validClaims(), aud: "https://other-api.example" });
    const error = await verifyAccessToken(token, { issuer, audience, keys: createLocalJWKSet(jwks), now, isWeakened: () => false }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidToken);
  });

  it("accepts a token for another audience only when the attack lab switched the audience check off", async () => {
    const token = await sign({ ...validClaims(), aud: "https://other-api.example" });
    const claims = await verifyAccessToken(token, { issuer, audience, keys: createLocalJWKSet(jwks), now, isWeakened: (defence) => defence === "audience" });
    expect(claims.aud).toBe("https://other-api.example");
  });

  it("accepts an audience list that contains this resource server", async () => {
    await expect(verify(await sign({ ...validClaims(), aud: ["https://other-api.example", audience] }))).resolves.toBeTruthy();
  });

  it("refuses an expired token, beyond the leeway", async () => {
    const error = await rejection(await sign({ ...validClaims(), exp: nowSeconds - 6 }));
    expect(error.description).toBe("The access token has expired.");
  });

  it("accepts a token that expired within the five-second leeway", async () => {
    await expect(verify(await sign({ ...validClaims(), exp: nowSeconds - 4 }))).resolves.toBeTruthy();
  });

  it("refuses a token that is not valid yet", async () => {
    const error = await rejection(await sign({ ...validClaims(), nbf: nowSeconds + 60 }));
    expect(error.description).toBe("The access token is not valid yet.");
  });

  it("refuses a token signed with an unknown kid", async () => {
    const error = await rejection(await sign(validClaims(), { kid: "key-that-does-not-exist" }));
    expect(error.description).toBe("The access token is signed with a key this server does not know.");
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, , signature] = (await sign()).split(".");
    const widened = base64url.encode(JSON.stringify({ ...validClaims(), scope: "profile photos:read photos:write" }));
    expect((await rejection(`${header}.${widened}.${signature}`)).code).toBe("invalid_token");
  });

  it.each(["sub", "jti", "client_id", "exp", "iat"])("refuses a token without the %s claim", async (claim) => {
    const claims = validClaims();
    delete claims[claim];
    expect((await rejection(await sign(claims))).code).toBe("invalid_token");
  });

  it("refuses something that is not a JWT", async () => {
    const error = await rejection("not-a-jwt");
    expect(error.description).toBe("The access token is malformed.");
  });

  it("answers insufficient_scope, naming the scope, when one is missing", async () => {
    const error = await rejection(await sign(), ["photos:write"]);
    expect(error).toBeInstanceOf(InsufficientScope);
    expect(error.code).toBe("insufficient_scope");
    expect(error.status).toBe(403);
    expect((error as InsufficientScope).requiredScopes).toEqual(["photos:write"]);
  });

  it("treats a token without a scope claim as holding no scope", async () => {
    const claims = validClaims();
    delete claims.scope;
    await expect(verify(await sign(claims))).resolves.toBeTruthy();
    expect((await rejection(await sign(claims), ["profile"])).code).toBe("insufficient_scope");
  });
});

describe("verifyAccessToken with recently verified tokens remembered", () => {
  /** The key set, counting how often a signature had to be checked against it. */
  function countingKeys(keySet: JSONWebKeySet = jwks): { keys: JWTVerifyGetKey; lookups: () => number } {
    const local = createLocalJWKSet(keySet);
    let lookups = 0;
    return {
      keys: (header, token) => {
        lookups += 1;
        return local(header, token);
      },
      lookups: () => lookups,
    };
  }

  const at = (secondsLater: number) => new Date(now.getTime() + secondsLater * 1000);

  it("checks the signature of a token once, and answers its claims again without the key", async () => {
    const { keys, lookups } = countingKeys();
    const verified = new VerifiedTokens();
    const token = await sign();

    const first = await verifyAccessToken(token, { issuer, audience, keys, verified, now });
    const second = await verifyAccessToken(token, { issuer, audience, keys, verified, now: at(30) });
    expect(second).toEqual(first);
    expect(second).toMatchObject({ sub: "user-1", client_id: "printshop" });
    expect(lookups()).toBe(1);
  });

  it("still refuses a remembered token once it has expired, beyond the leeway", async () => {
    const { keys } = countingKeys();
    const verified = new VerifiedTokens({ maxAgeMilliseconds: 3_600_000 });
    const token = await sign({ ...validClaims(), exp: nowSeconds + 20 });
    await verifyAccessToken(token, { issuer, audience, keys, verified, now });

    await expect(verifyAccessToken(token, { issuer, audience, keys, verified, now: at(24) })).resolves.toBeTruthy();
    const error = await verifyAccessToken(token, { issuer, audience, keys, verified, now: at(25) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidToken);
    expect((error as InvalidToken).description).toBe("The access token has expired.");
  });

  it("still checks the scopes each route needs", async () => {
    const { keys } = countingKeys();
    const verified = new VerifiedTokens();
    const token = await sign();
    await verifyAccessToken(token, { issuer, audience, keys, verified, now, requiredScopes: ["photos:read"] });

    const error = await verifyAccessToken(token, { issuer, audience, keys, verified, now, requiredScopes: ["photos:write"] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InsufficientScope);
  });

  it("verifies in full again after the maximum age, and then refuses a token whose key was withdrawn", async () => {
    const verified = new VerifiedTokens({ maxAgeMilliseconds: 60_000 });
    const token = await sign();
    await verifyAccessToken(token, { issuer, audience, keys: countingKeys().keys, verified, now });

    const withdrawn = countingKeys({ keys: [] });
    await expect(verifyAccessToken(token, { issuer, audience, keys: withdrawn.keys, verified, now: at(59) })).resolves.toBeTruthy();
    expect(withdrawn.lookups()).toBe(0);
    const error = await verifyAccessToken(token, { issuer, audience, keys: withdrawn.keys, verified, now: at(60) }).catch(
      (caught: unknown) => caught,
    );
    expect((error as InvalidToken).description).toBe("The access token is signed with a key this server does not know.");
    expect(withdrawn.lookups()).toBe(1);
  });

  it("checks the audience every time: a token let through once by the lab's switch is refused without it", async () => {
    const { keys } = countingKeys();
    const verified = new VerifiedTokens();
    const token = await sign({ ...validClaims(), aud: "https://other-api.example" });
    await verifyAccessToken(token, { issuer, audience, keys, verified, now, isWeakened: () => true });
    await expect(verifyAccessToken(token, { issuer, audience, keys, verified, now })).rejects.toBeInstanceOf(InvalidToken);
  });

  it("does not remember a refused token: it is checked, and refused, every time", async () => {
    const { keys, lookups } = countingKeys();
    const verified = new VerifiedTokens();
    const forged = await sign(validClaims(), {}, otherKey);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(verifyAccessToken(forged, { issuer, audience, keys, verified, now })).rejects.toBeInstanceOf(InvalidToken);
    }
    expect(lookups()).toBe(2);
  });

  it("forgets the oldest token when full", async () => {
    const { keys, lookups } = countingKeys();
    const verified = new VerifiedTokens({ maxEntries: 2 });
    const tokens = await Promise.all(["a", "b", "c"].map((jti) => sign({ ...validClaims(), jti })));
    for (const token of tokens) await verifyAccessToken(token, { issuer, audience, keys, verified, now });
    expect(lookups()).toBe(3);

    await verifyAccessToken(tokens[2]!, { issuer, audience, keys, verified, now });
    expect(lookups()).toBe(3);
    await verifyAccessToken(tokens[0]!, { issuer, audience, keys, verified, now });
    expect(lookups()).toBe(4);
  });
});
