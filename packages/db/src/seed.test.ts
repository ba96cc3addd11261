import { afterAll, describe, expect, it } from "vitest";
import { clientScopedDefenceIds } from "@seven-steps/story";
import { demoClient, demoLabClient, demoMallorysResourceServer, demoPhotos, demoResourceServerClient, demoUsers, demoWeakClient } from "./demo-data.ts";
import { getDatabase } from "./client.ts";
import { createSeededDatabase, runDatabaseScript, testProvider } from "./testing.ts";

const url = await createSeededDatabase();
const database = getDatabase(url);
afterAll(() => database.$disconnect());

async function counts() {
  return {
    users: await database.user.count(),
    clients: await database.client.count(),
    redirectUris: await database.clientRedirectUri.count(),
    profiles: await database.profile.count(),
    photos: await database.photo.count(),
    resourceServers: await database.resourceServer.count(),
  };
}

describe("the seed", () => {
  it("creates the demo users, the demo clients and their photos", async () => {
    expect(await counts()).toEqual({ users: 3, clients: 4, redirectUris: 4, profiles: 3, photos: demoPhotos.length, resourceServers: 1 });
  });

  it("stores passwords only as Argon2id hashes", async () => {
    for (const demoUser of demoUsers) {
      const user = await database.user.findUniqueOrThrow({ where: { username: demoUser.username } });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.passwordHash).not.toContain(demoUser.password);
    }
  });

  it("registers PrintShop as a confidential client with a hashed secret and one redirect URI", async () => {
    const client = await database.client.findUniqueOrThrow({
      where: { id: demoClient.id },
      include: { redirectUris: true },
    });
    expect(client.secretHash).toEqual(expect.any(String));
    expect(client.secretHash).not.toBe(demoClient.secret);
    expect(client.redirectUris.map((row) => row.uri)).toEqual(demoClient.redirectUris);
    expect(client.allowedScopes).toBe("profile photos:read photos:write");
  });

  it("gives the PhotoCloud API credentials to introspect tokens, and no grant", async () => {
    const api = await database.client.findUniqueOrThrow({ where: { id: demoResourceServerClient.id } });
    expect(api.canIntrospect).toBe(true);
    expect(api.allowedGrantTypes).toBe("");
    expect(api.secretHash).toEqual(expect.any(String));
    expect(api.secretHash).not.toBe(demoResourceServerClient.secret);
  });

  it("registers the lab as a public client, without a secret", async () => {
    const lab = await database.client.findUniqueOrThrow({ where: { id: demoLabClient.id }, include: { redirectUris: true } });
    expect(lab.secretHash).toBeNull();
    expect(lab.tokenEndpointAuthMethod).toBe("none");
    expect(lab.redirectUris.map((row) => row.uri)).toEqual(["http://localhost:3000/lab/callback"]);
  });

  it("registers the attack lab's weak demo client, public, with every defence scoped to a client switched off", async () => {
    const weak = await database.client.findUniqueOrThrow({ where: { id: demoWeakClient.id }, include: { redirectUris: true } });
    expect(weak).toMatchObject({ id: "printshop-weak", name: "PrintShop (weak demo client)", secretHash: null, tokenEndpointAuthMethod: "none" });
    expect(weak.redirectUris.map((row) => row.uri).sort()).toEqual([
      "http://localhost:3000/api/auth/callback/printshop-weak",
      "http://localhost:3000/attack-lab/victim",
    ]);
    const weakened = weak.weakenedDefences.split(" ");
    expect(weakened).toEqual(clientScopedDefenceIds);
    expect(weakened).toContain("pkce-verifier");
    // Switched off per request, never for a whole client.
    expect(weakened).not.toContain("audience");
  });

  it("registers Mallory's Prints API as a resource server on Mallory's app, accepting photos:read only, and not the default", async () => {
    const prints = await database.resourceServer.findUniqueOrThrow({ where: { identifier: `http://localhost:3003${demoMallorysResourceServer.path}` } });
    expect(prints).toMatchObject({ name: "Mallory's Prints API", scopes: "photos:read", isDefault: null });
  });

  it("switches no defence off for any other client", async () => {
    const others = await database.client.findMany({ where: { id: { not: demoWeakClient.id } } });
    expect(others.map((client) => [client.id, client.weakenedDefences])).toEqual(others.map((client) => [client.id, ""]));
  });

  it("gives each user their own photos, owned by their subject identifier", async () => {
    const ownersOf = async (sub: string) => database.photo.count({ where: { ownerSub: sub } });
    for (const { username } of demoUsers) {
      const user = await database.user.findUniqueOrThrow({ where: { username } });
      expect(await ownersOf(user.id)).toBe(demoPhotos.filter((photo) => photo.owner === username).length);
    }
    expect(demoPhotos.filter((photo) => photo.owner === "mallory").map((photo) => photo.title)).toEqual(["A look-alike shop window"]);
  });

  it("gives the PhotoCloud API a profile of each user under the same subject identifier", async () => {
    for (const demoUser of demoUsers) {
      const user = await database.user.findUniqueOrThrow({ where: { username: demoUser.username } });
      const profile = await database.profile.findUniqueOrThrow({ where: { sub: user.id } });
      expect(profile).toMatchObject({ username: demoUser.username, displayName: demoUser.name });
    }
  });

  it("changes nothing when it runs again", async () => {
    const before = await counts();
    const aliceBefore = await database.user.findUniqueOrThrow({ where: { username: "alice" } });
    // Migrations lock SQLite exclusively, so this process lets go of the file first.
    await database.$disconnect();
    runDatabaseScript("db:setup", url);
    expect(await counts()).toEqual(before);
    const aliceAfter = await database.user.findUniqueOrThrow({ where: { username: "alice" } });
    expect(aliceAfter).toEqual(aliceBefore);
    // The whole of `npm run db:setup` in a child process (npm, tsx, the migrations, the seed): on a
    // two-core machine busy with every other package's tests, it once took 78 seconds.
  }, 180_000);

  if (testProvider() === "sqlite") {
    it("leaves SQLite in write-ahead-log mode", async () => {
      const [row] = await database.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(row?.journal_mode).toBe("wal");
    });
  }
});
