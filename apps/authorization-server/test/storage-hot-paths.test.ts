// The storage the token endpoint uses on every request, written for speed (a client cache, plain
// SQL): it must still store and find exactly what the ORM would.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { findAccessToken, saveAccessToken } from "@/storage/access-tokens";
import { findClient } from "@/storage/clients";
import { createGrant, findGrant, touchGrant } from "@/storage/grants";
import { findRefreshToken, rotateRefreshToken, saveRefreshToken } from "@/storage/refresh-tokens";
import { findThrottles } from "@/storage/throttles";
import { alice, registerClient } from "./fixtures.ts";

afterEach(() => vi.restoreAllMocks());

describe("the access token record", () => {
  it("is stored by plain SQL as Prisma reads it back, dates included", async () => {
    const client = await registerClient();
    const data = {
      jti: randomUUID(),
      grantId: null,
      clientId: client.id,
      subject: client.id,
      scope: "photos:read",
      issuedAt: new Date("2026-11-25T10:00:00.123Z"),
      expiresAt: new Date("2026-11-25T10:10:00.123Z"),
    };
    await saveAccessToken(data, db);

    expect(await findAccessToken(data.jti)).toMatchObject({ ...data, revokedAt: null, grant: null });
  });
});

describe("the grant and refresh token records", () => {
  it("are stored by plain SQL as Prisma reads them back, and a refresh token rotates once only", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const now = new Date("2026-11-25T10:00:00.000Z");
    const authTime = new Date("2026-11-25T09:59:00.000Z");
    const grant = await createGrant({ clientId: client.id, userId: user.id, scope: "profile", authTime }, db, now);
    expect(await findGrant(grant.id)).toEqual({
      id: grant.id,
      clientId: client.id,
      userId: user.id,
      scope: "profile",
      authTime,
      createdAt: now,
      lastUsedAt: now,
      revokedAt: null,
      revocationReason: null,
    });

    const tokenHash = `test-hash-${randomUUID()}`;
    const expiresAt = new Date("2026-12-09T10:00:00.000Z");
    await saveRefreshToken({ tokenHash, grantId: grant.id, clientId: client.id, scope: "profile", expiresAt }, db, now);
    const stored = await findRefreshToken(tokenHash);
    expect(stored).toMatchObject({ tokenHash, grantId: grant.id, clientId: client.id, scope: "profile", createdAt: now, expiresAt, rotatedAt: null });
    expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/);

    const later = new Date("2026-11-25T10:05:00.000Z");
    expect(await rotateRefreshToken(stored!.id, later, db)).toBe(true);
    expect(await rotateRefreshToken(stored!.id, later, db)).toBe(false);
    expect((await findRefreshToken(tokenHash))?.rotatedAt).toEqual(later);
    await touchGrant(grant.id, later, db);
    expect((await findGrant(grant.id))?.lastUsedAt).toEqual(later);
  });

  it("does not rotate a refresh token whose grant was revoked", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const grant = await createGrant({ clientId: client.id, userId: user.id, scope: "profile", authTime: new Date() }, db);
    const tokenHash = `test-hash-${randomUUID()}`;
    await saveRefreshToken({ tokenHash, grantId: grant.id, clientId: client.id, scope: "profile", expiresAt: new Date(Date.now() + 60_000) }, db);
    await db.grant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });

    expect(await rotateRefreshToken((await findRefreshToken(tokenHash))!.id, new Date(), db)).toBe(false);
  });
});

describe("the throttle lookup", () => {
  it("returns when each key with a row is blocked until, and nothing for keys without one", async () => {
    const key = `test-throttle:${randomUUID()}`;
    const blockedUntil = new Date("2026-11-25T10:05:00.000Z");
    await db.throttle.create({ data: { key, failures: 10, windowStartedAt: new Date(), blockedUntil } });

    expect(await findThrottles([key, `test-throttle:${randomUUID()}`], db)).toEqual([{ blockedUntil }]);
    expect(await findThrottles([`test-throttle:${randomUUID()}`], db)).toEqual([]);
  });
});

describe("the client lookup", () => {
  it("finds a client registered after its id was asked for: unknown ids are not cached", async () => {
    const id = `test-client-${randomUUID()}`;
    expect(await findClient(id)).toBeNull();
    await db.client.create({
      data: { id, name: "Late", secretHash: null, tokenEndpointAuthMethod: "none", allowedScopes: "profile", allowedGrantTypes: "authorization_code" },
    });

    expect(await findClient(id)).toMatchObject({ id, name: "Late", tokenEndpointAuthMethod: "none", redirectUris: [] });
  });

  it("keeps a client it has read for ten seconds, then reads it again", async () => {
    const client = await registerClient({ name: "Before" });
    const start = Date.now();
    const now = vi.spyOn(Date, "now").mockReturnValue(start);
    expect((await findClient(client.id))?.name).toBe("Before");
    await db.client.update({ where: { id: client.id }, data: { name: "After" } });

    now.mockReturnValue(start + 9_999);
    expect((await findClient(client.id))?.name).toBe("Before");
    now.mockReturnValue(start + 10_000);
    expect((await findClient(client.id))?.name).toBe("After");
  });
});
