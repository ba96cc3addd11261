// Key rotation: a new key signs; the old one stays published until its tokens have expired; and
// two instances of the server rotating, or generating the first key, at once end with one key.
import { spawnSync } from "node:child_process";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asAnotherInstance } from "@seven-steps/db/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as jwks } from "@/app/jwks/route";
import { db } from "@/db";
import { currentSigningKey, rotateSigningKey, signingKeyCacheMilliseconds } from "@/oauth/tokens/signing-keys";
import { issuer, obtainTokens, registerClient } from "./fixtures.ts";

const appFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function publishedKids(): Promise<string[]> {
  return ((await (await jwks()).json()) as JSONWebKeySet).keys.map((key) => key.kid!);
}

async function verifies(token: string): Promise<boolean> {
  const keys = createLocalJWKSet((await (await jwks()).json()) as JSONWebKeySet);
  return jwtVerify(token, keys, { issuer, audience: "http://localhost:3002", typ: "at+jwt" }).then(
    () => true,
    () => false,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe("signing key rotation", () => {
  it("signs with the new key at once, and keeps the old key published for the tokens it signed", async () => {
    const client = await registerClient();
    const before = await obtainTokens(client);
    const oldKid = decodeProtectedHeader(before.access_token).kid!;

    const { kid, retired } = await rotateSigningKey();
    expect(retired).toContain(oldKid);
    const after = await obtainTokens(client);
    expect(decodeProtectedHeader(after.access_token).kid).toBe(kid);

    expect(await publishedKids()).toEqual(expect.arrayContaining([oldKid, kid]));
    expect(await verifies(before.access_token)).toBe(true);
    expect(await verifies(after.access_token)).toBe(true);
    expect((await db.signingKey.findUniqueOrThrow({ where: { kid: oldKid } })).retiredAt).not.toBeNull();
  });

  it("stops publishing a retired key once every token it signed has expired", async () => {
    const { retired } = await rotateSigningKey();
    const { kid } = await rotateSigningKey();
    vi.useFakeTimers({ toFake: ["Date"] });
    // One access-token lifetime, and the time another instance may still sign with a retired key.
    vi.setSystemTime(Date.now() + 600_000 + signingKeyCacheMilliseconds + 1_000);
    const kids = await publishedKids();
    expect(kids).toContain(kid);
    for (const old of retired) expect(kids).not.toContain(old);
  });

  it("is what npm run keys:rotate does", async () => {
    const before = await db.signingKey.findFirstOrThrow({ where: { retiredAt: null } });
    const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/keys-rotate.ts"], { cwd: appFolder, encoding: "utf8" });
    expect(result.status).toBe(0);
    const current = await db.signingKey.findFirstOrThrow({ where: { retiredAt: null } });
    expect(current.kid).not.toBe(before.kid);
    expect(result.stdout).toContain(`New signing key: ${current.kid}`);
    expect(result.stdout).toContain(`Retired: ${before.kid}`);
  });
});

describe("two instances of the server", () => {
  /** The keys as the database holds them: the current ones, and every one. */
  async function storedKeys() {
    const all = await db.signingKey.findMany();
    return { current: all.filter((key) => key.isCurrent), notRetired: all.filter((key) => key.retiredAt === null), all };
  }

  it("rotating at once end with one current key, and each caller learns what it did", async () => {
    await currentSigningKey();
    const before = (await db.signingKey.findUniqueOrThrow({ where: { isCurrent: true } })).kid;
    const other = await asAnotherInstance(() => import("@/oauth/tokens/signing-keys"));

    const [here, there] = await Promise.all([rotateSigningKey(), other.rotateSigningKey()]);

    const { current, notRetired } = await storedKeys();
    expect(current).toHaveLength(1);
    expect(notRetired.map((key) => key.kid)).toEqual([current[0]!.kid]);
    // They ran one after the other: the second retired the key the first made.
    const [first, second] = current[0]!.kid === there.kid ? [here, there] : [there, here];
    expect(first.retired).toEqual([before]);
    expect(second.retired).toEqual([first.kid]);
  });

  it("starting at once with no key yet generate one between them, and both sign with it", async () => {
    await db.signingKey.deleteMany();
    const [one, two] = await Promise.all([
      asAnotherInstance(() => import("@/oauth/tokens/signing-keys")),
      asAnotherInstance(() => import("@/oauth/tokens/signing-keys")),
    ]);

    const [keyOfOne, keyOfTwo] = await Promise.all([one.currentSigningKey(), two.currentSigningKey()]);

    expect(keyOfOne.kid).toBe(keyOfTwo.kid);
    const { current, all } = await storedKeys();
    expect(all.map((key) => key.kid)).toEqual([keyOfOne.kid]);
    expect(current.map((key) => key.kid)).toEqual([keyOfOne.kid]);
  });

  it("sign with a key rotated on the other within the cache's 5 seconds", async () => {
    const other = await asAnotherInstance(() => import("@/oauth/tokens/signing-keys"));
    const before = (await other.currentSigningKey()).kid;

    const { kid } = await rotateSigningKey();
    vi.useFakeTimers({ toFake: ["Date"] });
    expect((await other.currentSigningKey()).kid).toBe(before);
    vi.setSystemTime(Date.now() + signingKeyCacheMilliseconds);

    expect((await other.currentSigningKey()).kid).toBe(kid);
    // And the key it signed with meanwhile is still published.
    expect(await publishedKids()).toContain(before);
  });
});
