// The token endpoint's checks with the attack lab's switches on (ATTACK_LAB_WEAKENING=true, as
// `npm run dev:lab` starts the server): a client whose registration lists a defence goes through
// the one check that defence is, and every other client is refused by it as always. The same
// checks with the switch off are tested in token-authorization-code.test.ts and
// token-refresh.test.ts.
import type { CheckRun } from "@seven-steps/protocol";
import { decodeJwt } from "jose";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { checkCodeVerifier, codeUsedOnce } from "@/oauth/grants/authorization-code";
import { checkRefreshScope, refreshTokenUsedOnce } from "@/oauth/grants/refresh-token";
import { hashSecret } from "@/secrets/secret-hash";
import {
  obtainCode,
  obtainRecordedCode,
  obtainTokens,
  registerClient,
  type TestClient,
  token,
} from "./fixtures.ts";
import { expectTokenError, expectTokens } from "./token-assertions.ts";

// Before the server's modules are imported: they read their configuration once.
vi.hoisted(() => {
  vi.stubEnv("ATTACK_LAB_WEAKENING", "true");
});

/** A public client, as the weak demo client is, with the given defences switched off (or none). */
function publicClient(weakenedDefences = "") {
  return registerClient({ authMethod: "none", weakenedDefences });
}

function redeem(client: TestClient, code: string, codeVerifier?: string): Promise<Response> {
  return token(client, {
    grant_type: "authorization_code",
    code,
    redirect_uri: client.redirectUri,
    ...(codeVerifier === undefined ? {} : { code_verifier: codeVerifier }),
  });
}

/** How the checks of the client's newest recorded token request ended, by rule: a switched-off defence must never read as passed. */
async function recordedOutcomes(client: TestClient): Promise<Record<string, string>> {
  const exchange = await db.protocolExchange.findFirstOrThrow({
    where: { kind: { in: ["token", "refresh"] }, requestBody: { contains: client.id } },
    orderBy: { createdAt: "desc" },
  });
  const checks = JSON.parse(exchange.checks ?? "[]") as CheckRun[];
  return Object.fromEntries(checks.map((check) => [check.rule, check.outcome]));
}

function refresh(client: TestClient, refreshToken: string, scope?: string): Promise<Response> {
  return token(client, { grant_type: "refresh_token", refresh_token: refreshToken, ...(scope === undefined ? {} : { scope }) });
}

function grantOfRefreshToken(refreshToken: string) {
  return db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(refreshToken) }, include: { grant: true } });
}

describe("the attack lab's switches at the token endpoint, with ATTACK_LAB_WEAKENING=true", () => {
  describe("pkce-verifier (attack 1: a stolen code)", () => {
    it("redeems a code without a code_verifier for a client that lists the switch", async () => {
      const client = await publicClient("pkce-verifier");
      const { code } = await obtainRecordedCode(client);

      await expectTokens(await redeem(client, code));
      expect(await recordedOutcomes(client)).toMatchObject({ [checkCodeVerifier.check.rule]: "switched-off" });
    });

    it("still refuses a wrong code_verifier for that client: only a missing one goes through", async () => {
      const client = await publicClient("pkce-verifier");
      const { code } = await obtainCode(client);
      const other = await obtainCode(client);

      await expectTokenError(await redeem(client, code, other.verifier), "invalid_grant");
    });

    it("requires the code_verifier of every other client", async () => {
      const client = await publicClient("code-single-use");
      const { code } = await obtainCode(client);

      await expectTokenError(await redeem(client, code), "invalid_request");
    });
  });

  describe("code-single-use (attack 5: code replay)", () => {
    it("redeems a used code again for a client that lists the switch, and revokes nothing", async () => {
      const client = await publicClient("code-single-use");
      const issued = await obtainRecordedCode(client);
      const first = await expectTokens(await redeem(client, issued.code, issued.verifier));

      const second = await expectTokens(await redeem(client, issued.code, issued.verifier));

      expect(decodeJwt(second.access_token).jti).not.toBe(decodeJwt(first.access_token).jti);
      expect(await db.grant.count({ where: { clientId: client.id, revokedAt: null } })).toBe(2);
      expect(await recordedOutcomes(client)).toMatchObject({ [codeUsedOnce.rule]: "switched-off" });
      await expectTokens(await refresh(client, first.refresh_token!));
    });

    it("refuses a second redemption by every other client, and revokes the first one's tokens", async () => {
      const client = await publicClient("pkce-verifier");
      const issued = await obtainCode(client);
      const first = await expectTokens(await redeem(client, issued.code, issued.verifier));

      await expectTokenError(await redeem(client, issued.code, issued.verifier), "invalid_grant");
      expect((await grantOfRefreshToken(first.refresh_token!)).grant.revokedAt).toBeInstanceOf(Date);
    });
  });

  describe("refresh-token-reuse-detection (attack 6: a stolen refresh token)", () => {
    it("refreshes with a rotated refresh token for a client that lists the switch, and the grant stands", async () => {
      const client = await publicClient("refresh-token-reuse-detection");
      const issued = await obtainRecordedCode(client);
      const original = await expectTokens(await redeem(client, issued.code, issued.verifier));
      const renewed = await expectTokens(await refresh(client, original.refresh_token!));

      const replayed = await expectTokens(await refresh(client, original.refresh_token!));
      expect(await recordedOutcomes(client)).toMatchObject({ [refreshTokenUsedOnce.rule]: "switched-off" });

      expect(replayed.refresh_token).toEqual(expect.any(String));
      expect(replayed.refresh_token).not.toBe(renewed.refresh_token);
      const { grant } = await grantOfRefreshToken(replayed.refresh_token!);
      expect(grant.revokedAt).toBeNull();
      expect(grant.id).toBe((await grantOfRefreshToken(original.refresh_token!)).grantId);
      await expectTokens(await refresh(client, renewed.refresh_token!));
    });

    it("revokes the grant of every other client when a rotated refresh token comes back", async () => {
      const client = await publicClient("code-single-use");
      const original = await obtainTokens(client);
      const renewed = await expectTokens(await refresh(client, original.refresh_token!));

      await expectTokenError(await refresh(client, original.refresh_token!), "invalid_grant");
      await expectTokenError(await refresh(client, renewed.refresh_token!), "invalid_grant");
    });
  });

  describe("refresh-scope-narrowing (attack 13: scope escalation)", () => {
    it("widens the access token's scope at a refresh for a client that lists the switch; the refresh token keeps the grant's", async () => {
      const client = await publicClient("refresh-scope-narrowing");
      const issued = await obtainRecordedCode(client);
      const original = await expectTokens(await redeem(client, issued.code, issued.verifier));
      expect(original.scope).toBe("profile photos:read");

      const wider = await expectTokens(await refresh(client, original.refresh_token!, "profile photos:read photos:write"));
      expect(await recordedOutcomes(client)).toMatchObject({ [checkRefreshScope.check.rule]: "switched-off" });

      expect(wider.scope).toBe("profile photos:read photos:write");
      expect(decodeJwt(wider.access_token).scope).toBe("profile photos:read photos:write");
      expect((await grantOfRefreshToken(wider.refresh_token!)).scope).toBe("profile photos:read");
    });

    it("refuses a wider scope to every other client", async () => {
      const client = await publicClient("pkce-verifier code-single-use refresh-token-reuse-detection");
      const original = await obtainTokens(client, { scope: "profile photos:read" });

      await expectTokenError(await refresh(client, original.refresh_token!, "profile photos:read photos:write"), "invalid_scope");
    });
  });
});
