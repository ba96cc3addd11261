// The storage the token endpoint uses on every request, written for speed (a client cache, plain
// SQL): it must still store and find exactly what the ORM would.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, sql } from "@/db";
import { findAccessToken, saveAccessToken } from "@/storage/access-tokens";
import { findClient } from "@/storage/clients";
import { consumeAuthorizationCode, findAuthorizationCode, linkCodeToGrant, saveAuthorizationCode } from "@/storage/authorization-codes";
import { createGrant, findGrant, touchGrant } from "@/storage/grants";
import { findRefreshToken, rotateRefreshToken, saveRefreshToken } from "@/storage/refresh-tokens";
import { changeThrottles, uncountFailures } from "@/storage/throttles";
import { alice, registerClient } from "./fixtures.ts";

afterEach(() => vi.restoreAllMocks());

/** The ids of the rows a token request writes: UUIDs of version 7, in the order they were made (packages/db/src/row-id.ts). */
const photoCloudApi = "http://localhost:3002";

const rowId = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A DPoP key thumbprint (RFC 7638), as a bound code or grant keeps it. */
const jkt = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";

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
    await sql.transaction((statements) => saveAccessToken(data, statements));

    expect(await findAccessToken(data.jti)).toMatchObject({ ...data, revokedAt: null, grant: null });
  });
});

describe("the grant and refresh token records", () => {
  it("are stored by plain SQL as Prisma reads them back, and a refresh token rotates once only", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const now = new Date("2026-11-25T10:00:00.000Z");
    const authTime = new Date("2026-11-25T09:59:00.000Z");
    const grant = await sql.transaction((statements) =>
      createGrant({ clientId: client.id, userId: user.id, scope: "profile", resource: photoCloudApi, authTime, dpopJkt: jkt }, statements, now),
    );
    expect(await findGrant(grant.id)).toEqual({
      id: grant.id,
      clientId: client.id,
      userId: user.id,
      scope: "profile",
      resource: photoCloudApi,
      dpopJkt: jkt,
      authTime,
      createdAt: now,
      lastUsedAt: now,
      revokedAt: null,
      revocationReason: null,
    });

    const tokenHash = `test-hash-${randomUUID()}`;
    const expiresAt = new Date("2026-12-09T10:00:00.000Z");
    await sql.transaction((statements) => saveRefreshToken({ tokenHash, grantId: grant.id, clientId: client.id, scope: "profile", expiresAt }, statements, now));
    const stored = await findRefreshToken(tokenHash);
    expect(stored).toMatchObject({ tokenHash, grantId: grant.id, clientId: client.id, scope: "profile", createdAt: now, expiresAt, rotatedAt: null });
    expect(stored?.grant).toEqual({ userId: user.id, resource: photoCloudApi, authTime, revokedAt: null, dpopJkt: jkt });
    expect(await db.refreshToken.findUnique({ where: { tokenHash } })).toMatchObject({ createdAt: now, expiresAt, rotatedAt: null });
    expect(stored?.id).toMatch(rowId);
    expect(grant.id).toMatch(rowId);

    const later = new Date("2026-11-25T10:05:00.000Z");
    expect(await sql.transaction((statements) => rotateRefreshToken(stored!, later, statements))).toBe(true);
    expect(await sql.transaction((statements) => rotateRefreshToken(stored!, later, statements))).toBe(false);
    expect((await findRefreshToken(tokenHash))?.rotatedAt).toEqual(later);
    await sql.transaction((statements) => touchGrant(grant.id, later, statements));
    expect((await findGrant(grant.id))?.lastUsedAt).toEqual(later);
  });

  it("does not rotate a refresh token whose grant was revoked", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const now = new Date();
    const tokenHash = `test-hash-${randomUUID()}`;
    const grant = await sql.transaction(async (statements) => {
      const created = await createGrant(
        { clientId: client.id, userId: user.id, scope: "profile", resource: photoCloudApi, authTime: now, dpopJkt: null },
        statements,
        now,
      );
      const expiresAt = new Date(now.getTime() + 60_000);
      await saveRefreshToken({ tokenHash, grantId: created.id, clientId: client.id, scope: "profile", expiresAt }, statements, now);
      return created;
    });
    await db.grant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });

    const stored = await findRefreshToken(tokenHash);
    expect(stored?.grant.revokedAt).toBeInstanceOf(Date);
    expect(await sql.transaction((statements) => rotateRefreshToken(stored!, new Date(), statements))).toBe(false);
  });
});

describe("the authorization code", () => {
  it("is read by plain SQL as Prisma stored it, consumed once only, and linked to its grant", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const code = {
      codeHash: `test-code-${randomUUID()}`,
      clientId: client.id,
      userId: user.id,
      redirectUri: "https://app.example/callback",
      redirectUriInRequest: true,
      codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      codeChallengeMethod: "S256",
      scope: "profile photos:read",
      resource: photoCloudApi,
      dpopJkt: jkt,
      authTime: new Date("2026-11-25T09:59:00.000Z"),
      expiresAt: new Date("2026-11-25T10:01:00.000Z"),
    };
    await saveAuthorizationCode(code);

    const stored = await findAuthorizationCode(code.codeHash);
    expect(stored).toEqual({ ...code, id: expect.stringMatching(rowId), consumedAt: null });
    expect(await findAuthorizationCode(`test-code-${randomUUID()}`)).toBeNull();

    const now = new Date("2026-11-25T10:00:30.000Z");
    const grant = await sql.transaction(async (statements) => {
      expect(await consumeAuthorizationCode(stored!, now, statements)).toBe(true);
      expect(await consumeAuthorizationCode(stored!, now, statements)).toBe(false);
      const created = await createGrant(
        { clientId: client.id, userId: user.id, scope: code.scope, resource: photoCloudApi, authTime: code.authTime, dpopJkt: null },
        statements,
        now,
      );
      await linkCodeToGrant(stored!.id, created.id, statements);
      return created;
    });
    expect(await db.authorizationCode.findUnique({ where: { id: stored!.id } })).toMatchObject({ consumedAt: now, grantId: grant.id });
    expect((await findAuthorizationCode(code.codeHash))?.consumedAt).toEqual(now);
  });

  it("stays unused when the transaction that consumed it fails", async () => {
    const client = await registerClient();
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    const codeHash = `test-code-${randomUUID()}`;
    await saveAuthorizationCode({
      codeHash,
      clientId: client.id,
      userId: user.id,
      redirectUri: "https://app.example/callback",
      redirectUriInRequest: false,
      codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      codeChallengeMethod: "S256",
      scope: "profile",
      resource: photoCloudApi,
      dpopJkt: null,
      authTime: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    });
    const stored = await findAuthorizationCode(codeHash);

    await expect(
      sql.transaction(async (statements) => {
        await consumeAuthorizationCode(stored!, new Date(), statements);
        throw new Error("the grant could not be stored");
      }),
    ).rejects.toThrow("the grant could not be stored");
    expect((await findAuthorizationCode(codeHash))?.consumedAt).toBeNull();
  });
});

describe("the throttle count", () => {
  it("hands the rows of the keys that have one to the change, and saves what it returns", async () => {
    const [key, absent] = [`test-throttle:${randomUUID()}`, `test-throttle:${randomUUID()}`];
    const blockedUntil = new Date("2026-11-25T10:05:00.000Z");
    const windowStartedAt = new Date("2026-11-25T10:00:00.000Z");
    await db.throttle.create({ data: { key, failures: 10, windowStartedAt, blockedUntil } });

    const seen = await changeThrottles([key, absent], (rows) => ({
      save: [{ key: absent, failures: 1, windowStartedAt, blockedUntil: null }],
      result: [...rows.values()],
    }));

    expect(seen).toEqual([{ key, failures: 10, windowStartedAt, blockedUntil }]);
    expect(await db.throttle.findUnique({ where: { key: absent } })).toEqual({ key: absent, failures: 1, windowStartedAt, blockedUntil: null });
  });

  it("takes a failure back, and its block only while it is still the one that failure set", async () => {
    const [key, reblocked] = [`test-throttle:${randomUUID()}`, `test-throttle:${randomUUID()}`];
    const previous = new Date("2026-11-25T10:00:00.000Z");
    const counted = new Date("2026-11-25T10:05:00.000Z");
    const later = new Date("2026-11-25T10:09:00.000Z");
    await db.throttle.create({ data: { key, failures: 5, windowStartedAt: previous, blockedUntil: counted } });
    await db.throttle.create({ data: { key: reblocked, failures: 6, windowStartedAt: previous, blockedUntil: later } });

    await uncountFailures([
      { key, countedBlock: counted, previousBlock: previous },
      { key: reblocked, countedBlock: counted, previousBlock: null },
    ]);

    expect(await db.throttle.findUnique({ where: { key } })).toMatchObject({ failures: 4, blockedUntil: previous });
    expect(await db.throttle.findUnique({ where: { key: reblocked } })).toMatchObject({ failures: 5, blockedUntil: later });
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
