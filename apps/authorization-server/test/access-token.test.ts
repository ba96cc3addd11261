import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWTVerifyOptions,
} from "jose";
import { describe, expect, it } from "vitest";
import { GET as jwksEndpoint } from "@/app/jwks/route";
import { db } from "@/db";
import { findSignedInUser } from "@/session/session";
import { alice, issuer, obtainTokens, registerClient } from "./fixtures.ts";

/** The resource API, the audience of every access token (RFC 9068 §3). */
const resourceServer = "http://localhost:3002";

/** What a resource server expects of an access token (RFC 9068 §4). */
const expected: JWTVerifyOptions = { issuer, audience: resourceServer, typ: "at+jwt", algorithms: ["ES256"] };

async function fetchJwks(): Promise<JSONWebKeySet> {
  return (await (await jwksEndpoint()).json()) as JSONWebKeySet;
}

/** Verifies a token as a resource server does: against the published JWK Set. */
async function verify(accessToken: string, options: JWTVerifyOptions = expected) {
  return jwtVerify(accessToken, createLocalJWKSet(await fetchJwks()), options);
}

/** The genuine token passes, so a failure below comes from the one thing changed. */
async function expectGenuine(accessToken: string): Promise<void> {
  await expect(verify(accessToken)).resolves.toMatchObject({ protectedHeader: { typ: "at+jwt" } });
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

describe("JWT access tokens (RFC 9068)", () => {
  it("verify against the published keys, with exactly the claims RFC 9068 §2.2 names", async () => {
    const client = await registerClient();
    const issued = await obtainTokens(client);
    const signedIn = await findSignedInUser(issued.cookie);
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });

    const { payload, protectedHeader } = await verify(issued.access_token);

    // RFC 9068 §2.1: typ at+jwt, and a kid the JWK Set names.
    expect(protectedHeader).toEqual({ alg: "ES256", typ: "at+jwt", kid: expect.any(String) });
    expect(Object.keys(payload).sort()).toEqual(["aud", "auth_time", "client_id", "exp", "iat", "iss", "jti", "scope", "sub"]);
    expect(payload).toMatchObject({
      iss: issuer,
      aud: resourceServer,
      sub: user.id,
      client_id: client.id,
      scope: "profile photos:read",
      jti: expect.any(String),
    });
    // exp - iat is the expires_in the client was told (RFC 6749 §5.1).
    expect(payload.exp! - payload.iat!).toBe(issued.expires_in);
    // RFC 9068 §2.2.1: auth_time is when the user authenticated, which is before the token was issued.
    expect(payload.auth_time).toBe(Math.floor(signedIn!.authTime.getTime() / 1000));
    expect(payload.auth_time as number).toBeLessThanOrEqual(payload.iat!);
    // The server records every token by its jti.
    expect(await db.accessToken.findUnique({ where: { jti: payload.jti! } })).toMatchObject({
      clientId: client.id,
      subject: user.id,
      scope: "profile photos:read",
    });
  });

  it("fails verification when signed by another key, even with the same header and claims", async () => {
    const client = await registerClient();
    const { access_token: genuine } = await obtainTokens(client);
    await expectGenuine(genuine);
    const { privateKey: otherKey } = await generateKeyPair("ES256");
    const { kid } = decodeProtectedHeader(genuine);
    const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid }).sign(otherKey);

    expect(decodeProtectedHeader(forged)).toEqual(decodeProtectedHeader(genuine));
    expect(decodeJwt(forged)).toEqual(decodeJwt(genuine));
    await expect(verify(forged)).rejects.toThrow(errors.JWSSignatureVerificationFailed);
  });

  it("fails verification when the payload is changed after signing", async () => {
    const client = await registerClient();
    const { access_token: genuine } = await obtainTokens(client);
    await expectGenuine(genuine);
    const [header, payload, signature] = genuine.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    const widened = base64url(JSON.stringify({ ...claims, scope: "profile photos:read photos:write" }));
    const tampered = [header, widened, signature].join(".");

    expect(decodeJwt(tampered).scope).toBe("profile photos:read photos:write");
    await expect(verify(tampered)).rejects.toThrow(errors.JWSSignatureVerificationFailed);
  });

  it("fails verification by a resource server that is not the audience", async () => {
    const client = await registerClient();
    const { access_token } = await obtainTokens(client);
    await expectGenuine(access_token);

    // RFC 9068 §4: the resource server must reject a token whose aud does not name it.
    await expect(verify(access_token, { ...expected, audience: "https://other-api.example" })).rejects.toThrow(
      errors.JWTClaimValidationFailed,
    );
  });

  it("fails verification by a check that expects a plain JWT, not an access token", async () => {
    const client = await registerClient();
    const { access_token } = await obtainTokens(client);
    await expectGenuine(access_token);

    // RFC 9068 §4: the typ header tells access tokens apart from other JWTs, such as ID tokens.
    await expect(verify(access_token, { ...expected, typ: "JWT" })).rejects.toThrow(errors.JWTClaimValidationFailed);
  });

  it("gives every token its own jti", async () => {
    const client = await registerClient();
    const first = await obtainTokens(client);
    const second = await obtainTokens(client);

    const firstJti = decodeJwt(first.access_token).jti;
    const secondJti = decodeJwt(second.access_token).jti;
    expect(firstJti).toEqual(expect.any(String));
    expect(secondJti).toEqual(expect.any(String));
    expect(secondJti).not.toBe(firstJti);
  });
});
