// Key rotation: a new key signs; the old one stays published until its tokens have expired.
import { spawnSync } from "node:child_process";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as jwks } from "@/app/jwks/route";
import { db } from "@/db";
import { rotateSigningKey } from "@/oauth/tokens/signing-keys";
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
    vi.setSystemTime(Date.now() + 601_000);
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
