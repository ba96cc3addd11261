// `npm run db:setup`: brings the database up to date. It applies the committed migrations of the
// database's provider, puts SQLite in write-ahead-log mode, and runs the idempotent seed.
// `npm run dev` and `npm start` run it before any app starts, so an app never meets a database it
// cannot use.
import { spawnSync } from "node:child_process";
import { databaseProvider, describeDatabase } from "../src/database-url.ts";
import { databaseUrl } from "./tooling.ts";

const url = databaseUrl();
const where = describeDatabase(url);

function step(title: string, command: string, args: string[], hint?: (output: string) => string | undefined): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status === 0) return;
  console.error(output);
  console.error(`\n✖ ${title} failed for ${where} (DATABASE_URL).${hint?.(output) ?? ""}\n`);
  process.exit(1);
}

// Prisma's migration engine locks SQLite exclusively; running apps hold the file open.
const lockedHint = (output: string) =>
  /SocketTimeout|database is locked|SQLITE_BUSY/.test(output)
    ? " Another process has the database open: stop the running apps (`npm run dev` or `npm start`) and try again."
    : undefined;

/** What to check when PostgreSQL is not there or refuses the login. */
const serverHint = ` Check that a PostgreSQL server runs at ${where}, that the role and the database exist, and the password.`;
const unreachableHint = (output: string) =>
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout|terminated|ETIMEDOUT|Can't reach database server|password authentication failed|does not exist/i.test(output)
    ? serverHint
    : undefined;

try {
  databaseProvider(url);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}\n`);
  process.exit(1);
}

if (databaseProvider(url) === "sqlite") {
  step("Applying the migrations", "npx", ["prisma", "migrate", "deploy"], lockedHint);
  step("Switching SQLite to write-ahead logging", "npx", ["tsx", "scripts/enable-wal.ts"], lockedHint);
  step("Seeding the demo data", "npx", ["prisma", "db", "seed"], lockedHint);
} else {
  step("Reaching PostgreSQL", "npx", ["tsx", "scripts/check-postgres.ts"], () => serverHint);
  step("Applying the migrations", "npx", ["prisma", "migrate", "deploy"], unreachableHint);
  step("Seeding the demo data", "npx", ["prisma", "db", "seed"], unreachableHint);
}
console.info(`Database ready: ${where}, migrated and seeded.`);
