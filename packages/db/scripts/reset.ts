// `npm run db:reset`: deletes everything in the database, then migrates and seeds it anew. On
// SQLite that is deleting the file; on PostgreSQL, dropping and recreating the schema.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { databaseProvider, describeDatabase, postgresConnection } from "../src/database-url.ts";
import { databaseFile, databaseUrl } from "./tooling.ts";

const url = databaseUrl();
if (databaseProvider(url) === "sqlite") {
  const file = databaseFile(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  console.info(`Deleted ${file}.`);
} else {
  const client = new pg.Client({ ...postgresConnection(url), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } catch (error) {
    console.error(`\n✖ Cannot reset ${describeDatabase(url)} (DATABASE_URL): ${(error as Error).message}\n`);
    process.exit(1);
  } finally {
    await client.end().catch(() => undefined);
  }
  console.info(`Emptied ${describeDatabase(url)}.`);
}
const setup = spawnSync("npm", ["run", "db:setup"], { stdio: "inherit" });
process.exit(setup.status ?? 1);
