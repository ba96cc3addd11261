// The token endpoint with grant_type=authorization_code: step 5, a code exchanged for tokens.
// RFC 6749 §4.1.3 (the request), §4.1.4 and §5 (the responses), RFC 7636 §4.5-4.6 (PKCE).
import type { TokenErrorResponse, TokenResponse } from "@seven-steps/protocol";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { alice, obtainCode, registerClient, token, type TestClient } from "./fixtures.ts";
import { expectNoStore, expectTokenError, expectTokens } from "./token-assertions.ts";

/** Redeems a code the way the fixtures' obtainTokens does; `fields` overrides or adds parameters. */
function redeem(
  client: TestClient,
  issued: { code: string; verifier: string },
  fields: Record<string, string | undefined> = {},
): Promise<Response> {
  const all: Record<string, string | undefined> = {
    grant_type: "authorization_code",
    code: issued.code,
    redirect_uri: client.redirectUri,
    code_verifier: issued.verifier,
    ...fields,
  };
  // A field set to undefined is left out of the request.
  const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return token(client, sent);
}

/** The stored row of a code, found the way the server finds it: by its hash. */
function storedCode(code: string) {
  return db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
}

/** How many grants and tokens exist for a client. */
async function issuedFor(client: TestClient) {
  const where = { clientId: client.id };
  return {
    grants: await db.grant.count({ where }),
    refreshTokens: await db.refreshToken.count({ where }),
    accessTokens: await db.accessToken.count({ where }),
  };
}

const nothingIssued = { grants: 0, refreshTokens: 0, accessTokens: 0 };

async function aliceId(): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { username: alice.username } })).id;
}

describe("POST /token with grant_type=authorization_code", () => {
  describe("a valid redemption", () => {
    it("returns a Bearer access token, a refresh token and the granted scope, never cached", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);

      const body = await expectTokens(await redeem(client, issued));

      // RFC 6749 §4.1.4 and §5.1: the fields of a successful response.
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: "Bearer",
        expires_in: 600,
        refresh_token: expect.any(String),
        scope: "profile photos:read",
      });
    });

    it("issues a signed JWT access token with the claims of RFC 9068", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);
      const body = await expectTokens(await redeem(client, issued));

      // RFC 9068 §2.1: typed at+jwt, signed, with the key named for the resource server.
      const header = decodeProtectedHeader(body.access_token);
      expect(header.typ).toBe("at+jwt");
      expect(header.alg).toBe("ES256");
      expect(header.kid).toEqual(expect.any(String));

      // RFC 9068 §2.2: who issued it, for whom, to which client, and for how long.
      const claims = decodeJwt(body.access_token);
      expect(claims.iss).toBe("http://localhost:3001");
      expect(claims.aud).toBe("http://localhost:3002");
      expect(claims.sub).toBe(await aliceId());
      expect(claims.client_id).toBe(client.id);
      expect(claims.scope).toBe("profile photos:read");
      expect(claims.jti).toEqual(expect.any(String));
      expect(claims.iat).toEqual(expect.any(Number));
      expect(claims.exp).toBe(claims.iat! + 600);
    });

    it("consumes the code and stores the grant, the refresh token's hash and the access token's jti", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);
      const body = await expectTokens(await redeem(client, issued));

      // RFC 6749 §4.1.2: a code is single use, so its redemption is recorded.
      const code = await storedCode(issued.code);
      expect(code.consumedAt).toBeInstanceOf(Date);
      expect(code.grantId).toEqual(expect.any(String));

      const grants = await db.grant.findMany({ where: { clientId: client.id } });
      expect(grants).toHaveLength(1);
      expect(grants[0]).toMatchObject({
        id: code.grantId,
        userId: await aliceId(),
        scope: "profile photos:read",
        revokedAt: null,
      });

      // RFC 6819 §5.1.4.1.3: only a hash of the refresh token is stored, never the token itself.
      const refreshTokens = await db.refreshToken.findMany({ where: { clientId: client.id } });
      expect(refreshTokens).toHaveLength(1);
      expect(refreshTokens[0]).toMatchObject({
        tokenHash: hashSecret(body.refresh_token!),
        grantId: code.grantId,
        scope: "profile photos:read",
        rotatedAt: null,
      });
      expect(JSON.stringify(refreshTokens[0])).not.toContain(body.refresh_token!);

      const accessTokens = await db.accessToken.findMany({ where: { clientId: client.id } });
      expect(accessTokens).toHaveLength(1);
      expect(accessTokens[0]).toMatchObject({
        jti: decodeJwt(body.access_token).jti,
        grantId: code.grantId,
        subject: await aliceId(),
        scope: "profile photos:read",
      });
    });

    it("lets a public client redeem with its client_id and code_verifier, without a secret", async () => {
      // RFC 6749 §4.1.3 and RFC 7636 §4.5: a public client identifies itself with client_id, and
      // PKCE proves it is the client that started the request.
      const client = await registerClient({ authMethod: "none" });
      const issued = await obtainCode(client);

      const body = await expectTokens(
        await token(null, {
          grant_type: "authorization_code",
          code: issued.code,
          redirect_uri: client.redirectUri,
          client_id: client.id,
          code_verifier: issued.verifier,
        }),
      );

      expect(body.token_type).toBe("Bearer");
      expect(decodeJwt(body.access_token).client_id).toBe(client.id);
      expect((await storedCode(issued.code)).consumedAt).toBeInstanceOf(Date);
    });

    it("sends no refresh token to a client not allowed the refresh_token grant", async () => {
      // RFC 6749 §4.1.4 and §5.1: the refresh token is OPTIONAL; this client may not use one.
      const client = await registerClient({ grantTypes: "authorization_code" });
      const issued = await obtainCode(client);

      const body = await expectTokens(await redeem(client, issued));

      expect(body.access_token).toEqual(expect.any(String));
      expect(body).not.toHaveProperty("refresh_token");
      expect(await issuedFor(client)).toEqual({ grants: 1, refreshTokens: 0, accessTokens: 1 });
    });
  });

  describe("PKCE (RFC 7636)", () => {
    it("refuses a code_verifier that does not match the challenge, and leaves the code unused", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);
      const other = await obtainCode(client);

      // RFC 7636 §4.6: a verifier that does not hash to the challenge is invalid_grant.
      await expectTokenError(await redeem(client, issued, { code_verifier: other.verifier }), "invalid_grant");

      const code = await storedCode(issued.code);
      expect(code.consumedAt).toBeNull();
      expect(code.grantId).toBeNull();
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it("requires the code_verifier", async () => {
      // RFC 7636 §4.5: the client sends the verifier; this server requires PKCE for every client.
      const client = await registerClient();
      const issued = await obtainCode(client);

      await expectTokenError(await redeem(client, issued, { code_verifier: undefined }), "invalid_request");
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it("requires it of a client that lists the attack lab's switch pkce-verifier, while the lab's weakening is off", async () => {
      // Switched on, it lets a missing verifier through for that client: token-weakened.test.ts.
      const client = await registerClient({ authMethod: "none", weakenedDefences: "pkce-verifier" });
      const issued = await obtainCode(client);

      await expectTokenError(await redeem(client, issued, { code_verifier: undefined }), "invalid_request");
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it.each([
      ["one character too short", "a".repeat(42)],
      ["with a '+', which the verifier alphabet does not have", `${"a".repeat(42)}+`],
    ])("refuses a malformed code_verifier: %s", async (_label, verifier) => {
      // RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
      const client = await registerClient();
      const issued = await obtainCode(client);

      await expectTokenError(await redeem(client, issued, { code_verifier: verifier }), "invalid_request");
      expect((await storedCode(issued.code)).consumedAt).toBeNull();
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });
  });

  describe("redirect_uri (RFC 6749 §4.1.3)", () => {
    it("refuses a redirect_uri other than the one of the authorization request", async () => {
      // Both URIs are registered; only the one the code was sent to may be repeated.
      const client = await registerClient({
        redirectUris: ["https://client.example/callback/one", "https://client.example/callback/two"],
      });
      const issued = await obtainCode(client);

      await expectTokenError(
        await redeem(client, issued, { redirect_uri: "https://client.example/callback/two" }),
        "invalid_grant",
      );
      expect((await storedCode(issued.code)).consumedAt).toBeNull();
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it("requires the redirect_uri when the authorization request included it", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);
      expect(issued.request.redirect_uri).toBe(client.redirectUri);

      await expectTokenError(await redeem(client, issued, { redirect_uri: undefined }), "invalid_request");
      expect((await storedCode(issued.code)).consumedAt).toBeNull();
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });
  });

  describe("the code itself", () => {
    it("refuses an expired code and issues nothing", async () => {
      // RFC 6749 §4.1.2: the code MUST expire shortly after it is issued.
      const client = await registerClient();
      const issued = await obtainCode(client);
      await db.authorizationCode.update({
        where: { codeHash: hashSecret(issued.code) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });

      await expectTokenError(await redeem(client, issued), "invalid_grant");
      expect((await storedCode(issued.code)).consumedAt).toBeNull();
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it("refuses a code issued to another client, which can still redeem it afterwards", async () => {
      // RFC 6749 §4.1.3: ensure the code was issued to the authenticated client.
      const owner = await registerClient();
      const thief = await registerClient();
      const issued = await obtainCode(owner);

      await expectTokenError(
        await redeem(thief, issued, { redirect_uri: owner.redirectUri }),
        "invalid_grant",
      );
      expect(await issuedFor(thief)).toEqual(nothingIssued);
      expect((await storedCode(issued.code)).consumedAt).toBeNull();

      const body = await expectTokens(await redeem(owner, issued));
      expect(decodeJwt(body.access_token).client_id).toBe(owner.id);
    });

    it("refuses an unknown code", async () => {
      // RFC 6749 §5.2: an invalid authorization code is invalid_grant.
      const client = await registerClient();
      const issued = await obtainCode(client);

      await expectTokenError(await redeem(client, issued, { code: `${issued.code}x` }), "invalid_grant");
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });

    it("requires the code", async () => {
      // RFC 6749 §4.1.3: code is REQUIRED; a missing parameter is invalid_request (§5.2).
      const client = await registerClient();
      const issued = await obtainCode(client);

      await expectTokenError(await redeem(client, issued, { code: undefined }), "invalid_request");
      expect(await issuedFor(client)).toEqual(nothingIssued);
    });
  });

  describe("single use (RFC 6749 §4.1.2)", () => {
    it("refuses a second redemption and revokes every token issued from the first", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);
      const first = await expectTokens(await redeem(client, issued));

      await expectTokenError(await redeem(client, issued), "invalid_grant");

      // RFC 6749 §4.1.2: the server SHOULD revoke all tokens previously issued based on the code.
      const { grantId } = await storedCode(issued.code);
      const grant = await db.grant.findUniqueOrThrow({ where: { id: grantId! } });
      expect(grant.revokedAt).toBeInstanceOf(Date);
      expect(await db.grant.count({ where: { clientId: client.id } })).toBe(1);

      const refreshed = await token(client, { grant_type: "refresh_token", refresh_token: first.refresh_token! });
      await expectTokenError(refreshed, "invalid_grant");
    });

    it("holds for a client that lists the attack lab's switch code-single-use, while the lab's weakening is off", async () => {
      // Switched on, a used code is redeemed again for that client: token-weakened.test.ts.
      const client = await registerClient({ weakenedDefences: "code-single-use" });
      const issued = await obtainCode(client);
      await expectTokens(await redeem(client, issued));

      await expectTokenError(await redeem(client, issued), "invalid_grant");
      const { grantId } = await storedCode(issued.code);
      expect((await db.grant.findUniqueOrThrow({ where: { id: grantId! } })).revokedAt).toBeInstanceOf(Date);
    });

    it("lets exactly one of ten simultaneous redemptions succeed", async () => {
      const client = await registerClient();
      const issued = await obtainCode(client);

      const responses = await Promise.all(Array.from({ length: 10 }, () => redeem(client, issued)));

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 400)).toHaveLength(9);
      for (const response of responses) expectNoStore(response);
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as (TokenResponse | TokenErrorResponse)[];
      const errors = bodies.filter((body): body is TokenErrorResponse => "error" in body).map((body) => body.error);
      expect(errors).toEqual(Array.from({ length: 9 }, () => "invalid_grant"));

      const code = await storedCode(issued.code);
      expect(code.consumedAt).toBeInstanceOf(Date);
      const grants = await db.grant.findMany({ where: { clientId: client.id } });
      expect(grants).toHaveLength(1);
      expect(grants[0]!.id).toBe(code.grantId);
      // The nine others were replays of a used code: the grant of the one that won is revoked.
      expect(grants[0]!.revokedAt).toBeInstanceOf(Date);
      expect(await db.refreshToken.count({ where: { clientId: client.id } })).toBe(1);
      expect(await db.accessToken.count({ where: { clientId: client.id } })).toBe(1);
    });
  });

  it("writes no row when a redemption fails", async () => {
    // Nothing half-written: a refused request leaves the code unused and creates no grant or token.
    const client = await registerClient();
    const stranger = await registerClient();
    const issued = await obtainCode(client);
    const other = await obtainCode(client);
    const before = {
      grants: await db.grant.count(),
      refreshTokens: await db.refreshToken.count(),
      accessTokens: await db.accessToken.count(),
    };

    await expectTokenError(await redeem(client, issued, { code_verifier: other.verifier }), "invalid_grant");
    await expectTokenError(await redeem(client, issued, { redirect_uri: "https://client.example/other" }), "invalid_grant");
    await expectTokenError(await redeem(client, issued, { code_verifier: undefined }), "invalid_request");
    await expectTokenError(await redeem(stranger, issued, { redirect_uri: client.redirectUri }), "invalid_grant");

    expect({
      grants: await db.grant.count(),
      refreshTokens: await db.refreshToken.count(),
      accessTokens: await db.accessToken.count(),
    }).toEqual(before);
    const code = await storedCode(issued.code);
    expect(code.consumedAt).toBeNull();
    expect(code.grantId).toBeNull();
  });
});
