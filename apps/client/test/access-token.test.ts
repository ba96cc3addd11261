// How PrintShop keeps its access token fresh: refresh shortly before expiry, one refresh at a
// time per session, on one instance or several (RFC 9700 §4.14.2 treats a reused refresh token as
// theft), and a clear end when the authorization server refuses.
import { asAnotherInstance } from "@seven-steps/db/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { env } from "@/env";
import { accessTokenFor } from "@/tokens/access-token";
import { seal, unseal } from "@/tokens/vault";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";

const server = fakeAuthorizationServer;

/** A signed-in session whose access token expires `expiresInSeconds` from now. */
async function sessionExpiringIn(expiresInSeconds: number, refreshToken: string | null = "refresh-0"): Promise<string> {
  const issuedAt = new Date(Date.now() - 600_000 + expiresInSeconds * 1000);
  const row = await db.clientSession.create({
    data: {
      subject: "alice-sub",
      accessToken: await seal("access-0"),
      accessTokenExpiresAt: new Date(Date.now() + expiresInSeconds * 1000),
      refreshToken: refreshToken === null ? null : await seal(refreshToken),
      scope: "profile photos:read",
      createdAt: issuedAt,
    },
  });
  // The lifetime is read from updatedAt to expiry: make it the 600 s the token was issued for.
  await db.$executeRaw`UPDATE "ClientSession" SET "updatedAt" = ${issuedAt} WHERE "id" = ${row.id}`;
  return row.id;
}

beforeEach(() => {
  server.tokenRequests.length = 0;
  server.delayMilliseconds = 0;
  server.down = false;
  server.answer = (request) => ({
    status: 200,
    body: {
      access_token: `access-${server.tokenRequests.length}`,
      token_type: "Bearer",
      expires_in: 600,
      refresh_token: `refresh-${server.tokenRequests.length}-after-${request.get("refresh_token")}`,
      scope: "profile photos:read",
    },
  });
});

describe("accessTokenFor", () => {
  it("returns a fresh access token as it is, without asking the authorization server", async () => {
    const sid = await sessionExpiringIn(300);
    expect(await accessTokenFor(sid)).toEqual({ status: "ok", accessToken: "access-0", scopes: ["profile", "photos:read"] });
    expect(server.tokenRequests).toHaveLength(0);
  });

  it("refreshes shortly before expiry, authenticating as PrintShop, and keeps the new refresh token", async () => {
    const sid = await sessionExpiringIn(10);
    expect(await accessTokenFor(sid)).toMatchObject({ status: "ok", accessToken: "access-1" });

    expect(server.tokenRequests).toHaveLength(1);
    // The new token is for the PhotoCloud API, named as RFC 8707 §2.2 allows.
    expect(Object.fromEntries(server.tokenRequests[0]!)).toEqual({
      grant_type: "refresh_token",
      refresh_token: "refresh-0",
      resource: env.RESOURCE_API_URL,
    });
    const row = await db.clientSession.findUniqueOrThrow({ where: { id: sid } });
    expect(await unseal(row.refreshToken!)).toBe("refresh-1-after-refresh-0");
    expect(row.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it("sends one refresh for many simultaneous calls of one session", async () => {
    const sid = await sessionExpiringIn(5);
    server.delayMilliseconds = 100;
    const results = await Promise.all(Array.from({ length: 8 }, () => accessTokenFor(sid)));

    expect(server.tokenRequests).toHaveLength(1);
    expect(new Set(results.map((result) => (result.status === "ok" ? result.accessToken : result.status)))).toEqual(new Set(["access-1"]));
  });

  it("never sends a refresh token twice, even for calls that started during a refresh", async () => {
    const sid = await sessionExpiringIn(5);
    server.delayMilliseconds = 50;
    const first = accessTokenFor(sid);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [a, b] = await Promise.all([first, accessTokenFor(sid)]);
    const c = await accessTokenFor(sid);

    const sent = server.tokenRequests.map((request) => request.get("refresh_token"));
    expect(new Set(sent).size).toBe(sent.length);
    expect([a, b, c].every((result) => result.status === "ok")).toBe(true);
  });

  it("ends the session with the server's reason when the refresh is refused", async () => {
    const sid = await sessionExpiringIn(5);
    server.answer = () => ({ status: 400, body: { error: "invalid_grant", error_description: "The grant was revoked." } });

    expect(await accessTokenFor(sid)).toEqual({
      status: "ended",
      reason: "PhotoCloud refused to renew PrintShop's access (invalid_grant: The grant was revoked.)",
    });
    const row = await db.clientSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.endedAt).not.toBeNull();

    // An ended session does not ask the server again.
    expect(await accessTokenFor(sid)).toMatchObject({ status: "ended" });
    expect(server.tokenRequests).toHaveLength(1);
  });

  it("keeps the session when the authorization server cannot be reached, and says so", async () => {
    const sid = await sessionExpiringIn(5);
    server.down = true;
    expect(await accessTokenFor(sid)).toEqual({
      status: "unavailable",
      reason: "PhotoCloud could not be reached to renew PrintShop's access.",
    });
    const row = await db.clientSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.endedAt).toBeNull();
    expect(await unseal(row.refreshToken!)).toBe("refresh-0");

    server.down = false;
    expect(await accessTokenFor(sid)).toMatchObject({ status: "ok", accessToken: "access-1" });
  });

  it("does not end the session on an answer that is not an OAuth error, such as a 502 from a proxy", async () => {
    const sid = await sessionExpiringIn(5);
    server.answer = () => ({ status: 502, body: {} });
    expect(await accessTokenFor(sid)).toMatchObject({ status: "unavailable" });
    expect((await db.clientSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toBeNull();
  });

  it("keeps the session when the authorization server is briefly unavailable or fails", async () => {
    const sid = await sessionExpiringIn(5);
    for (const [status, error] of [[503, "temporarily_unavailable"], [500, "server_error"]] as const) {
      server.answer = () => ({ status, body: { error, error_description: "Try again shortly." } });
      expect(await accessTokenFor(sid)).toMatchObject({ status: "unavailable" });
    }
    const row = await db.clientSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.endedAt).toBeNull();
    expect(await unseal(row.refreshToken!)).toBe("refresh-0");
  });

  it("ends a session that has no refresh token once its access token expires", async () => {
    const sid = await sessionExpiringIn(5, null);
    expect(await accessTokenFor(sid)).toMatchObject({ status: "ended" });
    expect(server.tokenRequests).toHaveLength(0);
  });
});

describe("two instances of PrintShop", () => {
  it("send one refresh between them for calls of one session at the same time, and both get its token", async () => {
    const sid = await sessionExpiringIn(5);
    server.delayMilliseconds = 200;
    const other = await asAnotherInstance(() => import("@/tokens/access-token"));

    const [here, there] = await Promise.all([accessTokenFor(sid), other.accessTokenFor(sid)]);

    expect(server.tokenRequests).toHaveLength(1);
    expect(here).toMatchObject({ status: "ok", accessToken: "access-1" });
    expect(there).toMatchObject({ status: "ok", accessToken: "access-1" });
    expect((await db.clientSession.findUniqueOrThrow({ where: { id: sid } })).refreshingUntil).toBeNull();
  });

  it("both say the server is unavailable when the one refresh fails, and the next call tries again", async () => {
    const sid = await sessionExpiringIn(5);
    server.delayMilliseconds = 200;
    server.down = true;
    const other = await asAnotherInstance(() => import("@/tokens/access-token"));

    const results = await Promise.all([accessTokenFor(sid), other.accessTokenFor(sid)]);

    expect(results.map((result) => result.status)).toEqual(["unavailable", "unavailable"]);
    server.down = false;
    expect(await other.accessTokenFor(sid)).toMatchObject({ status: "ok", accessToken: "access-1" });
  });

  it("do not wait for an instance that stopped in the middle of a refresh once its claim has run out", async () => {
    const sid = await sessionExpiringIn(5);
    const { updatedAt } = await db.clientSession.findUniqueOrThrow({ where: { id: sid } });
    await db.clientSession.update({ where: { id: sid }, data: { refreshingUntil: new Date(Date.now() - 1), updatedAt } });

    expect(await accessTokenFor(sid)).toMatchObject({ status: "ok", accessToken: "access-1" });
    expect(server.tokenRequests).toHaveLength(1);
  });
});

describe("the token vault", () => {
  it("stores tokens encrypted, and gives them back", async () => {
    const sealed = await seal("a-refresh-token");
    expect(sealed).not.toContain("a-refresh-token");
    expect(sealed.split(".")).toHaveLength(5);
    expect(await unseal(sealed)).toBe("a-refresh-token");
  });
});
