// POST /revoke (RFC 7009): a client gives back a token it no longer needs.
import { describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { POST as revoke } from "@/app/revoke/route";
import { db } from "@/db";
import { basic, claimsOfTheWrongType, formRequest, jwtShaped, obtainTokens, registerClient, token, type TestClient } from "./fixtures.ts";
import { expectNoStore, expectTokenError } from "./token-assertions.ts";

function revocationRequest(client: TestClient, fields: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = {};
  const body = { ...fields };
  if (client.authMethod === "client_secret_basic") headers.authorization = basic(client.id, client.secret!);
  if (client.authMethod === "none") body.client_id = client.id;
  return revoke(formRequest("/revoke", body, { origin: null, headers }));
}

async function grantOf(refreshToken: string) {
  const { hashSecret } = await import("@/secrets/secret-hash");
  const row = await db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(refreshToken) }, include: { grant: true } });
  return row.grant;
}

describe("POST /revoke", () => {
  it("revokes a refresh token and its whole grant, and answers 200 with no-store", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    const response = await revocationRequest(client, { token: tokens.refresh_token!, token_type_hint: "refresh_token" });

    expect(response.status).toBe(200);
    expectNoStore(response);
    expect((await grantOf(tokens.refresh_token!)).revokedAt).not.toBeNull();
    await expectTokenError(await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }), "invalid_grant");
  });

  it("finds a refresh token without a hint, and with the wrong hint (RFC 7009 §2.1)", async () => {
    for (const hint of [undefined, "access_token", "something_else"]) {
      const client = await registerClient();
      const tokens = await obtainTokens(client);
      const fields: Record<string, string> = { token: tokens.refresh_token! };
      if (hint) fields.token_type_hint = hint;
      expect((await revocationRequest(client, fields)).status).toBe(200);
      expect((await grantOf(tokens.refresh_token!)).revokedAt).not.toBeNull();
    }
  });

  it("revokes an access token alone: the refresh token keeps working", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    expect((await revocationRequest(client, { token: tokens.access_token, token_type_hint: "access_token" })).status).toBe(200);

    const stored = await db.accessToken.findUniqueOrThrow({ where: { jti: decodeJwt(tokens.access_token).jti! } });
    expect(stored.revokedAt).not.toBeNull();
    expect((await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! })).status).toBe(200);
  });

  it("answers 200 for an unknown token, and changes nothing (RFC 7009 §2.2)", async () => {
    const client = await registerClient();
    const before = await db.grant.count({ where: { revokedAt: { not: null } } });
    expect((await revocationRequest(client, { token: "not-a-token-this-server-issued" })).status).toBe(200);
    expect(await db.grant.count({ where: { revokedAt: { not: null } } })).toBe(before);
  });

  // RFC 7009 §2.2: an invalid token is answered with 200, whatever is inside it.
  it.each(claimsOfTheWrongType.map((claims) => ({ claims, shown: JSON.stringify(claims).slice(0, 40) })))(
    "answers 200 for a JWT-shaped token with claims $shown, with either hint",
    async ({ claims }) => {
      const client = await registerClient();
      const tokens = await obtainTokens(client);
      for (const hint of ["access_token", "refresh_token"]) {
        const response = await revocationRequest(client, { token: jwtShaped(claims), token_type_hint: hint });
        expect(response.status).toBe(200);
        expectNoStore(response);
      }
      expect((await grantOf(tokens.refresh_token!)).revokedAt).toBeNull();
    },
  );

  it("does nothing, and reveals nothing, when a client revokes another client's token", async () => {
    const owner = await registerClient();
    const other = await registerClient();
    const tokens = await obtainTokens(owner);

    const refresh = await revocationRequest(other, { token: tokens.refresh_token! });
    const access = await revocationRequest(other, { token: tokens.access_token });
    const unknown = await revocationRequest(other, { token: "unknown-token" });
    for (const response of [refresh, access, unknown]) {
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    }
    expect((await grantOf(tokens.refresh_token!)).revokedAt).toBeNull();
    expect((await db.accessToken.findUniqueOrThrow({ where: { jti: decodeJwt(tokens.access_token).jti! } })).revokedAt).toBeNull();
  });

  it("lets a public client revoke its own token with its client_id", async () => {
    const client = await registerClient({ authMethod: "none" });
    const tokens = await obtainTokens(client);
    expect((await revocationRequest(client, { token: tokens.refresh_token! })).status).toBe(200);
    expect((await grantOf(tokens.refresh_token!)).revokedAt).not.toBeNull();
  });

  it("requires the token parameter", async () => {
    await expectTokenError(await revocationRequest(await registerClient(), {}), "invalid_request");
  });

  it("requires client authentication: a wrong secret is a 401 invalid_client", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    const response = await revoke(
      formRequest("/revoke", { token: tokens.refresh_token! }, { origin: null, headers: { authorization: basic(client.id, "wrong") } }),
    );
    await expectTokenError(response, "invalid_client", 401);
    expect((await grantOf(tokens.refresh_token!)).revokedAt).toBeNull();
  });
});
