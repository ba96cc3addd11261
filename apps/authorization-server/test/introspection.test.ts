// POST /introspect (RFC 7662): resource servers, and only they, ask whether a token is active.
import { demoResourceServerClient } from "@seven-steps/db/demo-data";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as introspect } from "@/app/introspect/route";
import { POST as revoke } from "@/app/revoke/route";
import { db } from "@/db";
import { basic, claimsOfTheWrongType, formRequest, issuer, jwtShaped, obtainTokens, registerClient, token } from "./fixtures.ts";
import { expectTokenError } from "./token-assertions.ts";

const resourceServer = basic(demoResourceServerClient.id, demoResourceServerClient.secret);

/** An introspection request, with the PhotoCloud API's credentials unless told otherwise (null: none). */
function introspection(tokenValue: string, authorization: string | null = resourceServer, hint?: string): Promise<Response> {
  const fields: Record<string, string> = { token: tokenValue };
  if (hint) fields.token_type_hint = hint;
  return introspect(formRequest("/introspect", fields, { origin: null, headers: authorization ? { authorization } : {} }));
}

async function answer(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as Record<string, unknown>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /introspect", () => {
  it("describes an active access token", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    const body = await answer(await introspection(tokens.access_token));
    expect(body).toMatchObject({
      active: true,
      token_type: "Bearer",
      client_id: client.id,
      scope: "profile photos:read",
      iss: issuer,
      aud: "http://localhost:3002",
    });
    expect(body.sub).toEqual(expect.any(String));
    expect(body.exp).toBe((body.iat as number) + 600);
  });

  it("answers exactly { active: false } for a revoked access token, at once", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    await revoke(formRequest("/revoke", { token: tokens.access_token }, { origin: null, headers: { authorization: basic(client.id, client.secret!) } }));
    expect(await answer(await introspection(tokens.access_token))).toEqual({ active: false });
  });

  it("answers { active: false } for the access tokens of a revoked grant", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    await db.grant.updateMany({ where: { clientId: client.id }, data: { revokedAt: new Date() } });
    expect(await answer(await introspection(tokens.access_token))).toEqual({ active: false });
  });

  it("answers { active: false } for an expired access token", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 601_000);
    expect(await answer(await introspection(tokens.access_token))).toEqual({ active: false });
  });

  it("answers { active: false } for an unknown token, garbage, and a token signed by another key", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ client_id: "x", scope: "profile" })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: (await exportJWK(publicKey)).x! })
      .setIssuer(issuer)
      .setSubject("someone")
      .setAudience("http://localhost:3002")
      .setIssuedAt()
      .setExpirationTime("5m")
      .setJti("forged")
      .sign(privateKey);
    for (const value of ["unknown-token", "a.b.c", forged]) {
      expect(await answer(await introspection(value))).toEqual({ active: false });
    }
  });

  it("answers { active: false } for JWT-shaped tokens whose claims have the wrong types, with either hint", async () => {
    for (const claims of claimsOfTheWrongType) {
      for (const hint of ["access_token", "refresh_token"]) {
        expect(await answer(await introspection(jwtShaped(claims), resourceServer, hint))).toEqual({ active: false });
      }
    }
  });

  it("describes a refresh token until it is rotated", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    expect(await answer(await introspection(tokens.refresh_token!, resourceServer, "refresh_token"))).toMatchObject({
      active: true,
      token_type: "refresh_token",
      client_id: client.id,
    });
    await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(await answer(await introspection(tokens.refresh_token!))).toEqual({ active: false });
  });

  it("refuses a client that is not a resource server with 401", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    const response = await introspection(tokens.access_token, basic(client.id, client.secret!));
    await expectTokenError(response, "invalid_client", 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
  });

  it("refuses wrong or missing resource-server credentials with 401", async () => {
    const tokens = await obtainTokens(await registerClient());
    await expectTokenError(await introspection(tokens.access_token, basic(demoResourceServerClient.id, "wrong")), "invalid_client", 401);
    await expectTokenError(await introspection(tokens.access_token, null), "invalid_client", 401);
  });

  // Like the token endpoint: a caller that must wait is told how long (RFC 6585 §4).
  it("refuses resource-server credentials for a while after ten failures from one address, with 429 and Retry-After", async () => {
    const address = "198.51.100.77";
    const from = (authorization: string) =>
      introspect(formRequest("/introspect", { token: "any" }, { origin: null, headers: { authorization, "x-forwarded-for": address } }));
    for (let failure = 0; failure < 10; failure += 1) {
      await expectTokenError(await from(basic(demoResourceServerClient.id, "wrong")), "invalid_client", 401);
    }

    const refused = await from(resourceServer);

    await expectTokenError(refused, "invalid_client", 429);
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
  });

  it("requires the token parameter", async () => {
    const response = await introspect(formRequest("/introspect", {}, { origin: null, headers: { authorization: resourceServer } }));
    await expectTokenError(response, "invalid_request");
  });
});
