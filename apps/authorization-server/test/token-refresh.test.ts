// The token endpoint with grant_type=refresh_token: a new access token without the user.
// RFC 6749 §6 (the request and its scope), RFC 9700 §4.14.2 (rotation and reuse detection).
import type { TokenResponse } from "@seven-steps/protocol";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { obtainTokens, registerClient, token, type TestClient } from "./fixtures.ts";
import { expectNoStore, expectTokenError, expectTokens } from "./token-assertions.ts";

/** A refresh request (RFC 6749 §6), authenticated as the client. */
function refresh(client: TestClient, refreshToken: string, extra: Record<string, string> = {}): Promise<Response> {
  return token(client, { grant_type: "refresh_token", refresh_token: refreshToken, ...extra });
}

/** Tokens from a fresh code; always with a refresh token, since the test clients may refresh. */
async function signedInTokens(client: TestClient) {
  const tokens = await obtainTokens(client);
  if (!tokens.refresh_token) throw new Error("expected a refresh token");
  return { ...tokens, refresh_token: tokens.refresh_token };
}

/** The stored row of a refresh token, found by its hash, with its grant. */
function storedRefreshToken(refreshToken: string) {
  return db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(refreshToken) }, include: { grant: true } });
}

/** How many refresh and access tokens exist for a client. */
async function tokensOf(client: TestClient) {
  const where = { clientId: client.id };
  return { refreshTokens: await db.refreshToken.count({ where }), accessTokens: await db.accessToken.count({ where }) };
}

describe("POST /token with grant_type=refresh_token", () => {
  describe("rotation (RFC 9700 §4.14.2)", () => {
    it("returns a new refresh token and a new access token with the original scope", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);

      const body = await expectTokens(await refresh(client, original.refresh_token));

      expect(body.token_type).toBe("Bearer");
      expect(body.expires_in).toBe(600);
      expect(body.refresh_token).toEqual(expect.any(String));
      expect(body.refresh_token).not.toBe(original.refresh_token);
      // RFC 6749 §6: without a scope parameter, the scope is the one originally granted.
      expect(body.scope).toBe("profile photos:read");
      const claims = decodeJwt(body.access_token);
      expect(claims.scope).toBe("profile photos:read");
      expect(claims.sub).toBe(decodeJwt(original.access_token).sub);
      expect(claims.jti).toEqual(expect.any(String));
      expect(claims.jti).not.toBe(decodeJwt(original.access_token).jti);
    });

    it("marks the old refresh token rotated and stores the new one by its hash, in the same grant", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);
      const before = await storedRefreshToken(original.refresh_token);
      // Move the grant's last use into the past, to see the refresh record a new one.
      const anHourAgo = new Date(Date.now() - 3600_000);
      await db.grant.update({ where: { id: before.grantId }, data: { lastUsedAt: anHourAgo } });
      const sentAt = new Date();

      const body = await expectTokens(await refresh(client, original.refresh_token));

      const old = await storedRefreshToken(original.refresh_token);
      expect(old.rotatedAt).toBeInstanceOf(Date);
      const renewed = await storedRefreshToken(body.refresh_token!);
      expect(renewed).toMatchObject({ grantId: before.grantId, scope: "profile photos:read", rotatedAt: null });
      expect(renewed.grant.lastUsedAt.getTime()).toBeGreaterThanOrEqual(sentAt.getTime());
      expect(renewed.grant.revokedAt).toBeNull();

      const accessToken = await db.accessToken.findUniqueOrThrow({ where: { jti: decodeJwt(body.access_token).jti! } });
      expect(accessToken).toMatchObject({ grantId: before.grantId, clientId: client.id, scope: "profile photos:read" });
    });

    it("revokes the grant when a rotated refresh token is used again, so the newest one fails too", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);
      const renewed = await expectTokens(await refresh(client, original.refresh_token));

      // RFC 9700 §4.14.2: a rotated token presented again means one of the two copies was stolen.
      await expectTokenError(await refresh(client, original.refresh_token), "invalid_grant");

      const { grant } = await storedRefreshToken(original.refresh_token);
      expect(grant.revokedAt).toBeInstanceOf(Date);
      expect(grant.revocationReason).toEqual(expect.stringMatching(/\S/));

      await expectTokenError(await refresh(client, renewed.refresh_token!), "invalid_grant");
      expect((await storedRefreshToken(renewed.refresh_token!)).rotatedAt).toBeNull();
    });

    it("detects reuse for a client that lists the attack lab's switch, while the lab's weakening is off", async () => {
      // Switched on, a rotated refresh token works again for that client: token-weakened.test.ts.
      const client = await registerClient({ weakenedDefences: "refresh-token-reuse-detection" });
      const original = await signedInTokens(client);
      const renewed = await expectTokens(await refresh(client, original.refresh_token));

      await expectTokenError(await refresh(client, original.refresh_token), "invalid_grant");
      await expectTokenError(await refresh(client, renewed.refresh_token!), "invalid_grant");
    });

    it("lets exactly one of five simultaneous refreshes with the same token succeed, then revokes the grant", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);

      const responses = await Promise.all(Array.from({ length: 5 }, () => refresh(client, original.refresh_token)));

      for (const response of responses) expectNoStore(response);
      const winners = responses.filter((response) => response.status === 200);
      const losers = responses.filter((response) => response.status !== 200);
      expect(winners).toHaveLength(1);
      for (const loser of losers) await expectTokenError(loser, "invalid_grant");

      // The four others presented a token that had just been rotated: reuse, so the grant falls.
      const { grant } = await storedRefreshToken(original.refresh_token);
      expect(grant.revokedAt).toBeInstanceOf(Date);
      const won = (await winners[0]!.json()) as TokenResponse;
      await expectTokenError(await refresh(client, won.refresh_token!), "invalid_grant");
      // One rotation only: the original token and the one new token.
      expect((await tokensOf(client)).refreshTokens).toBe(2);
    });
  });

  describe("scope (RFC 6749 §6)", () => {
    it("narrows the access token to the requested scope while the new refresh token keeps the full scope", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);

      const narrowed = await expectTokens(await refresh(client, original.refresh_token, { scope: "profile" }));
      expect(narrowed.scope).toBe("profile");
      expect(decodeJwt(narrowed.access_token).scope).toBe("profile");

      // RFC 6749 §6: the new refresh token's scope MUST be identical to the one it replaces.
      expect((await storedRefreshToken(narrowed.refresh_token!)).scope).toBe("profile photos:read");
      const full = await expectTokens(await refresh(client, narrowed.refresh_token!));
      expect(full.scope).toBe("profile photos:read");
      expect(decodeJwt(full.access_token).scope).toBe("profile photos:read");
    });

    it("refuses to widen the scope, and does not rotate the refresh token for it", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);
      const before = await tokensOf(client);

      // RFC 6749 §6: the requested scope MUST NOT include any scope not originally granted.
      await expectTokenError(
        await refresh(client, original.refresh_token, { scope: "profile photos:read photos:write" }),
        "invalid_scope",
      );

      expect((await storedRefreshToken(original.refresh_token)).rotatedAt).toBeNull();
      expect(await tokensOf(client)).toEqual(before);
      await expectTokens(await refresh(client, original.refresh_token));
    });

    it("refuses to widen it for a client that lists the attack lab's switch, while the lab's weakening is off", async () => {
      // Switched on, the wider scope is granted to that client: token-weakened.test.ts.
      const client = await registerClient({ weakenedDefences: "refresh-scope-narrowing" });
      const original = await signedInTokens(client);

      await expectTokenError(
        await refresh(client, original.refresh_token, { scope: "profile photos:read photos:write" }),
        "invalid_scope",
      );
    });

    it.each([
      ["a double space", "profile  photos:read"],
      ["a double quote", 'pro"file'],
    ])("refuses a malformed scope: %s", async (_label, scope) => {
      // RFC 6749 §3.3: scope tokens separated by single spaces, from a limited character set.
      const client = await registerClient();
      const original = await signedInTokens(client);

      await expectTokenError(await refresh(client, original.refresh_token, { scope }), "invalid_scope");
      expect((await storedRefreshToken(original.refresh_token)).rotatedAt).toBeNull();
    });
  });

  describe("which refresh tokens are refused", () => {
    it("refuses a refresh token issued to another client, which can still use it afterwards", async () => {
      // RFC 6749 §6: the refresh token must have been issued to the authenticated client.
      const owner = await registerClient();
      const thief = await registerClient();
      const original = await signedInTokens(owner);

      await expectTokenError(await refresh(thief, original.refresh_token), "invalid_grant");
      expect(await tokensOf(thief)).toEqual({ refreshTokens: 0, accessTokens: 0 });
      const { grant, rotatedAt } = await storedRefreshToken(original.refresh_token);
      expect(rotatedAt).toBeNull();
      expect(grant.revokedAt).toBeNull();

      const body = await expectTokens(await refresh(owner, original.refresh_token));
      expect(decodeJwt(body.access_token).client_id).toBe(owner.id);
    });

    it("refuses an expired refresh token and issues nothing", async () => {
      // RFC 6749 §5.2: an expired refresh token is invalid_grant.
      const client = await registerClient();
      const original = await signedInTokens(client);
      await db.refreshToken.update({
        where: { tokenHash: hashSecret(original.refresh_token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const before = await tokensOf(client);

      await expectTokenError(await refresh(client, original.refresh_token), "invalid_grant");
      expect(await tokensOf(client)).toEqual(before);
      expect((await storedRefreshToken(original.refresh_token)).rotatedAt).toBeNull();
    });

    it("refuses an unknown refresh token", async () => {
      const client = await registerClient();
      const original = await signedInTokens(client);
      const before = await tokensOf(client);

      await expectTokenError(await refresh(client, `${original.refresh_token}x`), "invalid_grant");
      expect(await tokensOf(client)).toEqual(before);
    });

    it("requires the refresh_token parameter", async () => {
      // RFC 6749 §6: refresh_token is REQUIRED; a missing parameter is invalid_request (§5.2).
      const client = await registerClient();
      await signedInTokens(client);
      const before = await tokensOf(client);

      await expectTokenError(await token(client, { grant_type: "refresh_token" }), "invalid_request");
      expect(await tokensOf(client)).toEqual(before);
    });

    it("refuses a refresh token whose grant was revoked", async () => {
      // RFC 7009 §2.1 and RFC 9700 §4.14.2: a revoked grant takes its refresh tokens with it.
      const client = await registerClient();
      const original = await signedInTokens(client);
      const { grantId } = await storedRefreshToken(original.refresh_token);
      await db.grant.update({ where: { id: grantId }, data: { revokedAt: new Date(), revocationReason: "test" } });
      const before = await tokensOf(client);

      await expectTokenError(await refresh(client, original.refresh_token), "invalid_grant");
      expect(await tokensOf(client)).toEqual(before);
    });
  });
});
