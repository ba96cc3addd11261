// The token endpoint with grant_type=client_credentials: a confidential client asking for a token
// on its own behalf, with no user involved (RFC 6749 §4.4).
import type { TokenResponse } from "@seven-steps/protocol";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { basic, registerClient, token, type TestClient } from "./fixtures.ts";
import { expectNoStore, expectTokenError } from "./token-assertions.ts";

/** A service client: confidential, allowed only client_credentials. */
function registerServiceClient(options: Parameters<typeof registerClient>[0] = {}): Promise<TestClient> {
  return registerClient({ grantTypes: "client_credentials", scopes: "photos:read photos:write", ...options });
}

/** Nothing a failed request could have written: no access token, and no grant. */
async function expectNothingIssued(client: TestClient) {
  expect(await db.accessToken.count({ where: { clientId: client.id } })).toBe(0);
  expect(await db.grant.count({ where: { clientId: client.id } })).toBe(0);
}

describe("POST /token with grant_type=client_credentials", () => {
  it("issues an access token whose subject is the client itself, and no refresh token", async () => {
    const client = await registerServiceClient();

    const response = await token(client, { grant_type: "client_credentials", scope: "photos:read" });

    expect(response.status).toBe(200);
    expectNoStore(response);
    const body = (await response.json()) as TokenResponse;
    // RFC 6749 §4.4.3: a refresh token SHOULD NOT be included.
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 600,
      scope: "photos:read",
    });

    // RFC 9068 §2.2: with no resource owner, sub is the client's own identifier.
    expect(decodeProtectedHeader(body.access_token).typ).toBe("at+jwt");
    const claims = decodeJwt(body.access_token);
    expect(claims.sub).toBe(client.id);
    expect(claims.client_id).toBe(client.id);
    expect(claims.scope).toBe("photos:read");
    expect(claims.aud).toBe("http://localhost:3002");

    // Recorded by its jti, outside any grant: there is no user whose consent could be revoked.
    const rows = await db.accessToken.findMany({ where: { clientId: client.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ jti: claims.jti, grantId: null, subject: client.id, scope: "photos:read" });
    expect(await db.grant.count({ where: { clientId: client.id } })).toBe(0);
    expect(await db.refreshToken.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("requires a scope", async () => {
    // RFC 6749 §3.3: without a default scope, the server fails the request with invalid_scope.
    const client = await registerServiceClient();

    await expectTokenError(await token(client, { grant_type: "client_credentials" }), "invalid_scope");
    await expectNothingIssued(client);
  });

  it("refuses a scope the client is not allowed", async () => {
    // RFC 6749 §5.2: a scope that exceeds what the client may have is invalid_scope.
    const client = await registerServiceClient({ scopes: "photos:read" });

    const response = await token(client, { grant_type: "client_credentials", scope: "photos:read photos:write" });

    await expectTokenError(response, "invalid_scope");
    await expectNothingIssued(client);
  });

  it("refuses a client not allowed the client_credentials grant", async () => {
    // RFC 6749 §5.2: unauthorized_client, when the client may not use this grant type.
    const client = await registerClient({ grantTypes: "authorization_code refresh_token" });

    const response = await token(client, { grant_type: "client_credentials", scope: "photos:read" });

    await expectTokenError(response, "unauthorized_client");
    await expectNothingIssued(client);
  });

  it("refuses a public client, even one registered for client_credentials", async () => {
    // RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients.
    const client = await registerServiceClient({ authMethod: "none" });

    const response = await token(client, { grant_type: "client_credentials", scope: "photos:read" });

    await expectTokenError(response, "unauthorized_client");
    await expectNothingIssued(client);
  });

  it("answers a wrong secret with 401 invalid_client and a Basic challenge", async () => {
    // RFC 6749 §4.4.2 and §3.2.1: the client MUST authenticate; §5.2: after a failed Authorization
    // header the server answers 401 with WWW-Authenticate naming the scheme the client used.
    const client = await registerServiceClient();

    const response = await token(
      null,
      { grant_type: "client_credentials", scope: "photos:read" },
      { headers: { authorization: basic(client.id, `${client.secret}-wrong`) } },
    );

    await expectTokenError(response, "invalid_client", 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
    await expectNothingIssued(client);
  });
});
