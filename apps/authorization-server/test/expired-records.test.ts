// Housekeeping: which expired rows are deleted, which are kept and why, what is logged, and two
// instances doing it at once.
import { randomUUID } from "node:crypto";
import { asAnotherInstance } from "@seven-steps/db/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { deleteExpiredRecordsNow } from "@/housekeeping";
import { hashSecret } from "@/secrets/secret-hash";
import { deleteExpiredRecords } from "@/storage/expired-records";
import { alice, registerClient } from "./fixtures.ts";

const now = new Date("2026-11-26T12:00:00Z");
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds);
const later = (milliseconds: number) => new Date(now.getTime() + milliseconds);
const second = 1000;
const hour = 60 * 60 * second;
const day = 24 * hour;

let userId: string;
let clientId: string;
let grantId: string;

beforeEach(async () => {
  // Each file has a database of its own: start every test from no rows of these kinds.
  await db.session.deleteMany();
  await db.authorizationCode.deleteMany();
  await db.accessToken.deleteMany();
  await db.refreshToken.deleteMany();
  await db.throttle.deleteMany();
  await db.registrationResult.deleteMany();
  await db.dpopProof.deleteMany();
  await db.pushedAuthorizationRequest.deleteMany();
  userId = (await db.user.findUniqueOrThrow({ where: { username: alice.username } })).id;
  clientId = (await registerClient()).id;
  grantId = (await db.grant.create({ data: { clientId, userId, scope: "photos:read", authTime: ago(2 * day) } })).id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

function session(expiresAt: Date) {
  return db.session.create({ data: { tokenHash: hashSecret(randomUUID()), userId, authTime: ago(day), expiresAt } });
}

function authorizationCode(expiresAt: Date, consumedAt: Date | null = null) {
  return db.authorizationCode.create({
    data: {
      codeHash: hashSecret(randomUUID()),
      clientId,
      userId,
      redirectUri: "https://client.example/callback",
      redirectUriInRequest: true,
      codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      codeChallengeMethod: "S256",
      scope: "photos:read",
      authTime: ago(2 * day),
      expiresAt,
      consumedAt,
    },
  });
}

function accessToken(expiresAt: Date) {
  return db.accessToken.create({
    data: { jti: randomUUID(), grantId, clientId, subject: userId, scope: "photos:read", issuedAt: ago(day), expiresAt },
  });
}

function refreshToken(expiresAt: Date, rotatedAt: Date | null = null) {
  return db.refreshToken.create({
    data: { tokenHash: hashSecret(randomUUID()), grantId, clientId, scope: "photos:read", expiresAt, rotatedAt },
  });
}

function throttle(windowStartedAt: Date, blockedUntil: Date | null) {
  return db.throttle.create({ data: { key: `test:${randomUUID()}`, failures: 3, windowStartedAt, blockedUntil } });
}

function registrationResult(expiresAt: Date) {
  return db.registrationResult.create({ data: { idHash: hashSecret(randomUUID()), sealed: "sealed", expiresAt } });
}

function dpopProof(expiresAt: Date) {
  return db.dpopProof.create({ data: { jtiHash: hashSecret(randomUUID()), expiresAt } });
}

function pushedAuthorizationRequest(expiresAt: Date, usedAt: Date | null = null) {
  return db.pushedAuthorizationRequest.create({
    data: { referenceHash: hashSecret(randomUUID()), clientId, parameters: "[]", expiresAt, usedAt },
  });
}

describe("deleteExpiredRecords", () => {
  it("deletes sessions an hour after they expired, and keeps the others", async () => {
    const longExpired = await session(ago(hour + second));
    const justExpired = await session(ago(second));
    const live = await session(later(hour));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.sessions).toBe(1);
    expect(await db.session.findUnique({ where: { id: longExpired.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: justExpired.id } })).not.toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  it("keeps an authorization code for a day after it expired, so that a replay still revokes its grant", async () => {
    const longExpired = await authorizationCode(ago(day + second), ago(day + 30 * second));
    const recentlyExpired = await authorizationCode(ago(hour), ago(hour + 30 * second));
    const live = await authorizationCode(later(30 * second));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.authorizationCodes).toBe(1);
    expect(await db.authorizationCode.findUnique({ where: { id: longExpired.id } })).toBeNull();
    expect(await db.authorizationCode.findUnique({ where: { id: recentlyExpired.id } })).not.toBeNull();
    expect(await db.authorizationCode.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  it("deletes the records of access tokens an hour past their exp, and keeps the others", async () => {
    const longExpired = await accessToken(ago(hour + second));
    const justExpired = await accessToken(ago(second));
    const live = await accessToken(later(10 * 60 * second));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.accessTokens).toBe(1);
    expect(await db.accessToken.findUnique({ where: { jti: longExpired.jti } })).toBeNull();
    expect(await db.accessToken.findUnique({ where: { jti: justExpired.jti } })).not.toBeNull();
    expect(await db.accessToken.findUnique({ where: { jti: live.jti } })).not.toBeNull();
  });

  it("deletes refresh tokens an hour after they expired, rotated or not, and keeps the others", async () => {
    const expired = await refreshToken(ago(hour + second));
    const expiredRotated = await refreshToken(ago(hour + second), ago(day));
    const justExpired = await refreshToken(ago(second));
    const live = await refreshToken(later(day));
    const liveRotated = await refreshToken(later(day), ago(hour));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.refreshTokens).toBe(2);
    const remaining = await db.refreshToken.findMany({ where: { grantId }, select: { id: true } });
    expect(remaining.map(({ id }) => id).toSorted()).toEqual([justExpired.id, live.id, liveRotated.id].toSorted());
    expect(remaining.map(({ id }) => id)).not.toContain(expired.id);
    expect(remaining.map(({ id }) => id)).not.toContain(expiredRotated.id);
    expect(await db.grant.findUnique({ where: { id: grantId } })).not.toBeNull();
  });

  it("deletes failure counters from more than a day ago that block nobody, and keeps the rest", async () => {
    const stale = await throttle(ago(day + second), null);
    const staleBlockEnded = await throttle(ago(2 * day), ago(day));
    const stillBlocking = await throttle(ago(2 * day), later(60 * second));
    const recent = await throttle(ago(10 * 60 * second), null);

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.throttles).toBe(2);
    const keys = (await db.throttle.findMany({ select: { key: true } })).map(({ key }) => key);
    expect(keys.toSorted()).toEqual([stillBlocking.key, recent.key].toSorted());
    expect(keys).not.toContain(stale.key);
    expect(keys).not.toContain(staleBlockEnded.key);
  });

  it("deletes registration answers no page took before they expired, and keeps the others", async () => {
    const expired = await registrationResult(ago(second));
    const waiting = await registrationResult(later(60 * second));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.registrationResults).toBe(1);
    expect(await db.registrationResult.findUnique({ where: { idHash: expired.idHash } })).toBeNull();
    expect(await db.registrationResult.findUnique({ where: { idHash: waiting.idHash } })).not.toBeNull();
  });

  it("deletes the DPoP proofs seen once their iat is too old to be accepted, and keeps the others", async () => {
    const expired = await dpopProof(ago(second));
    const live = await dpopProof(later(60 * second));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.dpopProofs).toBe(1);
    expect(await db.dpopProof.findUnique({ where: { jtiHash: expired.jtiHash } })).toBeNull();
    expect(await db.dpopProof.findUnique({ where: { jtiHash: live.jtiHash } })).not.toBeNull();
  });

  it("deletes pushed authorization requests an hour after they expired, used or not, and keeps the others", async () => {
    const stale = await pushedAuthorizationRequest(ago(2 * hour));
    const staleUsed = await pushedAuthorizationRequest(ago(2 * hour), ago(2 * hour + 30 * second));
    const justExpired = await pushedAuthorizationRequest(ago(30 * second), ago(60 * second));
    const live = await pushedAuthorizationRequest(later(60 * second));

    const deleted = await deleteExpiredRecords(now);

    expect(deleted.pushedAuthorizationRequests).toBe(2);
    const left = await db.pushedAuthorizationRequest.findMany();
    expect(left.map((row) => row.referenceHash).sort()).toEqual([justExpired.referenceHash, live.referenceHash].sort());
    expect(left.map((row) => row.referenceHash)).not.toContain(stale.referenceHash);
    expect(left.map((row) => row.referenceHash)).not.toContain(staleUsed.referenceHash);
  });
});

describe("two instances deleting at once", () => {
  /** Three expired rows of each kind, and one of each that must stay. */
  async function expiredAndLiveRows() {
    for (let i = 0; i < 3; i++) {
      await session(ago(2 * hour));
      await authorizationCode(ago(2 * day));
      await accessToken(ago(2 * hour));
      await refreshToken(ago(2 * hour));
      await throttle(ago(2 * day), null);
      await registrationResult(ago(second));
      await dpopProof(ago(second));
      await pushedAuthorizationRequest(ago(2 * hour));
    }
    await session(later(hour));
    await authorizationCode(later(30 * second));
    await accessToken(later(hour));
    await refreshToken(later(day));
    await throttle(ago(hour), null);
    await registrationResult(later(60 * second));
    await dpopProof(later(60 * second));
    await pushedAuthorizationRequest(later(60 * second));
  }

  it("delete each expired row once, between them, and neither fails", async () => {
    await expiredAndLiveRows();
    const other = await asAnotherInstance(() => import("@/storage/expired-records"));

    const [here, there] = await Promise.all([deleteExpiredRecords(now), other.deleteExpiredRecords(now)]);

    for (const kind of Object.keys(here) as (keyof typeof here)[]) {
      expect(here[kind] + there[kind], kind).toBe(3);
    }
    expect(await db.session.count()).toBe(1);
    expect(await db.authorizationCode.count()).toBe(1);
    expect(await db.accessToken.count()).toBe(1);
    expect(await db.refreshToken.count()).toBe(1);
    expect(await db.throttle.count()).toBe(1);
    expect(await db.registrationResult.count()).toBe(1);
    expect(await db.dpopProof.count()).toBe(1);
    expect(await db.pushedAuthorizationRequest.count()).toBe(1);
  });

  it("log no failure when their timers fire together", async () => {
    await expiredAndLiveRows();
    const other = await asAnotherInstance(() => import("@/housekeeping"));
    const failed = vi.spyOn(console, "error");
    vi.spyOn(console, "info").mockImplementation(() => {});

    await Promise.all([deleteExpiredRecordsNow(now), other.deleteExpiredRecordsNow(now)]);

    expect(failed).not.toHaveBeenCalled();
    expect(await db.session.count()).toBe(1);
  });
});

describe("deleteExpiredRecordsNow", () => {
  it("says how many rows of each kind it deleted", async () => {
    await session(ago(2 * hour));
    await accessToken(ago(2 * hour));
    await accessToken(ago(2 * hour));
    const info = vi.spyOn(console, "info").mockImplementation(() => {});

    await deleteExpiredRecordsNow(now);

    expect(info).toHaveBeenCalledWith("Deleted expired records: sessions: 1, access token records: 2.");
  });

  it("says nothing when nothing had expired", async () => {
    await session(later(hour));
    const info = vi.spyOn(console, "info").mockImplementation(() => {});

    await deleteExpiredRecordsNow(now);

    expect(info).not.toHaveBeenCalled();
  });
});
