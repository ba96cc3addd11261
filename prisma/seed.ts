// The demo data: three users (alice, bob, and Mallory of the attack lab), the clients registered
// for the PrintShop app, its lab and the attack lab's weak demo client, Mallory's Prints API as a
// resource server, and each user's profile and photos at the PhotoCloud API.
// Idempotent: running it again changes nothing that is already there.
//
// The demo credentials below are public on purpose (the README lists them). Never reuse them.
import { getDatabase } from "@seven-steps/db";
import { hashPassword } from "@seven-steps/authorization-server/password-hash";
import { hashSecret } from "@seven-steps/authorization-server/secret-hash";
import { attackerUrl, databaseUrl } from "@seven-steps/db/tooling";
import {
  demoClient,
  demoLabClient,
  demoMallorysResourceServer,
  demoPhotos,
  demoResourceServerClient,
  demoUsers,
  demoWeakClient,
} from "@seven-steps/db/demo-data";

const database = getDatabase(databaseUrl());

async function seedUsers(): Promise<Map<string, string>> {
  const subjects = new Map<string, string>();
  for (const user of demoUsers) {
    const existing = await database.user.findUnique({ where: { username: user.username } });
    const row =
      existing ??
      (await database.user.create({
        data: { username: user.username, name: user.name, passwordHash: await hashPassword(user.password) },
      }));
    subjects.set(user.username, row.id);
  }
  return subjects;
}

async function seedClients(): Promise<void> {
  const { redirectUris, secret, ...client } = demoClient;
  await database.client.upsert({
    where: { id: client.id },
    update: {},
    create: {
      ...client,
      secretHash: hashSecret(secret),
      redirectUris: { create: redirectUris.map((uri) => ({ uri })) },
    },
  });
  const { secret: resourceServerSecret, ...resourceServer } = demoResourceServerClient;
  await database.client.upsert({
    where: { id: resourceServer.id },
    update: {},
    create: { ...resourceServer, secretHash: hashSecret(resourceServerSecret) },
  });
  const { redirectUris: labRedirectUris, ...labClient } = demoLabClient;
  await database.client.upsert({
    where: { id: labClient.id },
    update: {},
    create: { ...labClient, secretHash: null, redirectUris: { create: labRedirectUris.map((uri) => ({ uri })) } },
  });
  const { redirectUris: weakRedirectUris, ...weakClient } = demoWeakClient;
  await database.client.upsert({
    where: { id: weakClient.id },
    // Its list follows the catalogue of weakenable defences, which grows with the attack lab.
    update: { weakenedDefences: weakClient.weakenedDefences },
    create: { ...weakClient, secretHash: null },
  });
  // Its redirect URIs too: the attack lab's pages at PrintShop grow with it.
  for (const uri of weakRedirectUris) {
    await database.clientRedirectUri.upsert({ where: { clientId_uri: { clientId: weakClient.id, uri } }, update: {}, create: { clientId: weakClient.id, uri } });
  }
}

/**
 * Mallory's Prints API, registered as a resource server at PhotoCloud's authorization server at
 * the ATTACKER_URL the apps run with. (The PhotoCloud API registers itself, as the default, when
 * the authorization server first needs it.)
 */
async function seedMallorysResourceServer(): Promise<string> {
  const { path, ...resourceServer } = demoMallorysResourceServer;
  const identifier = `${attackerUrl()}${path}`;
  await database.resourceServer.upsert({ where: { identifier }, update: {}, create: { identifier, ...resourceServer } });
  return identifier;
}

/** The PhotoCloud API's own profile of each user, keyed by the same `sub` as the tokens. */
async function seedProfiles(subjects: Map<string, string>): Promise<void> {
  for (const user of demoUsers) {
    const sub = subjects.get(user.username);
    if (!sub) throw new Error(`No subject for the demo user ${user.username}.`);
    await database.profile.upsert({
      where: { sub },
      update: {},
      create: { sub, username: user.username, displayName: user.name },
    });
  }
}

async function seedPhotos(subjects: Map<string, string>): Promise<number> {
  for (const { owner, ...photo } of demoPhotos) {
    const ownerSub = subjects.get(owner);
    if (!ownerSub) throw new Error(`The demo photo "${photo.title}" belongs to an unknown user, ${owner}.`);
    await database.photo.upsert({ where: { id: photo.id }, update: {}, create: { ...photo, ownerSub } });
  }
  return demoPhotos.length;
}

const subjects = await seedUsers();
await seedClients();
await seedProfiles(subjects);
const photos = await seedPhotos(subjects);
const mallorysApi = await seedMallorysResourceServer();
console.info(
  `Seeded ${subjects.size} users (${[...subjects.keys()].join(", ")}), the clients "${demoClient.id}", "${demoLabClient.id}", "${demoWeakClient.id}" and "${demoResourceServerClient.id}", the resource server ${mallorysApi}, and ${photos} photos.`,
);
await database.$disconnect();
