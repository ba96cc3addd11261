import {
  base64url,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
} from "jose";
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { InsufficientScope, InvalidToken } from "./errors.ts";
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
