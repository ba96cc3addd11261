// A fresh database for each run: migrated and seeded as `npm run db:setup` does, PrintShop's
// redirect URI moved to the benchmark's port, and members made for the browser row. The SQLite
// file by default; the PostgreSQL rows (postgres.ts) give a database of their cluster.
import { getDatabase } from "@seven-steps/db";
import { demoUsers } from "@seven-steps/db/demo-data";
import type { FlowUser } from "@seven-steps/http-flow";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { apps, databaseFile, databaseUrl, repositoryRoot } from "./apps.ts";

export const database = getDatabase(databaseUrl);

/** Migrates and seeds the database at `url`; for the SQLite file, after deleting the last run's. */
export function createDatabase(url = databaseUrl): void {
  if (url === databaseUrl) {
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  }
  const setup = spawnSync("npm", ["run", "db:setup", "--workspace", "@seven-steps/db"], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (setup.status !== 0) throw new Error("the benchmark's database could not be created; see the errors above");
}

/** PrintShop is seeded for port 3000; here it runs on the benchmark's port. */
export async function registerPrintShopRedirectUri(url = databaseUrl): Promise<void> {
  const uri = `${apps.client.url}/api/auth/callback/authorization-server`;
  await getDatabase(url).clientRedirectUri.upsert({
    where: { clientId_uri: { clientId: "printshop", uri } },
    update: {},
    create: { clientId: "printshop", uri },
  });
}

/**
 * New members, each with a profile and two photos at the API: every sign-in of the browser row is
 * a member's first, so it shows every step, the consent page included.
 *
 * Each has the first demo user's password, stored as the hash the seed made of it: hashing
 * passwords is the authorization server's business, which no package reaches into.
 */
export async function createMembers(count: number, url = databaseUrl): Promise<FlowUser[]> {
  const database = getDatabase(url);
  const [demoUser] = demoUsers;
  const { passwordHash } = await database.user.findUniqueOrThrow({ where: { username: demoUser.username } });
  const members: FlowUser[] = [];
  for (let index = 0; index < count; index++) {
    const username = `bench-member-${index}`;
    const user = await database.user.create({ data: { username, name: `Bench member ${index}`, passwordHash } });
    await database.profile.create({ data: { sub: user.id, username, displayName: `Bench member ${index}` } });
    for (const title of ["Harbour at dawn", "Lighthouse at dusk"]) {
      await database.photo.create({ data: { ownerSub: user.id, title, motif: "sun", palette: "sky", takenAt: new Date() } });
    }
    members.push({ username, password: demoUser.password });
  }
  return members;
}
