// Connects once to the PostgreSQL server named by DATABASE_URL and checks its version, so that
// `npm run db:setup` stops at once with the reason, not inside Prisma's migration engine.
import pg from "pg";
import { describeDatabase, postgresConnection } from "../src/database-url.ts";
import { databaseUrl } from "./tooling.ts";

const url = databaseUrl();
const timeoutMilliseconds = 5_000;
const client = new pg.Client({ ...postgresConnection(url), connectionTimeoutMillis: timeoutMilliseconds });
const started = Date.now();
try {
  await client.connect();
  const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
  const version = Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  if (version < 15) {
    console.error(`PostgreSQL at ${describeDatabase(url)} is version ${version}; this project needs 15 or later.`);
    process.exitCode = 1;
  }
} catch (error) {
  const code = (error as { code?: string }).code;
  const reason = Date.now() - started >= timeoutMilliseconds ? `no answer within ${timeoutMilliseconds / 1000} s` : (error as Error).message;
  console.error(`Cannot reach PostgreSQL at ${describeDatabase(url)} (DATABASE_URL): ${reason}${code ? ` (${code})` : ""}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
