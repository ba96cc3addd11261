// `npm run db:setup`: brings the database up to date. It applies the committed migrations, puts
// SQLite in write-ahead-log mode, and runs the idempotent seed. `npm run dev` and `npm start` run
// it before any app starts, so an app never meets a database it cannot use.
import { spawnSync } from "node:child_process";
import { databaseFile } from "./tooling.ts";

function step(title: string, command: string, args: string[], hint?: (output: string) => string | undefined): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status === 0) return;
  console.error(output);
  console.error(`\n✖ ${title} failed for ${databaseFile()}.${hint?.(output) ?? ""}\n`);
  process.exit(1);
}

// Prisma's migration engine locks SQLite exclusively; running apps hold the file open.
const lockedHint = (output: string) =>
  /SocketTimeout|database is locked|SQLITE_BUSY/.test(output)
    ? " Another process has the database open: stop the running apps (`npm run dev` or `npm start`) and try again."
    : undefined;

step("Applying the migrations", "npx", ["prisma", "migrate", "deploy"], lockedHint);
step("Switching SQLite to write-ahead logging", "npx", ["tsx", "scripts/enable-wal.ts"], lockedHint);
step("Seeding the demo data", "npx", ["prisma", "db", "seed"], lockedHint);
console.info(`Database ready: ${databaseFile()}, migrated and seeded.`);
