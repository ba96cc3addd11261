// Helpers for tests that need a real database: each gets a fresh database of its own, built by the
// same commands a developer runs. On SQLite (the default) a database is a temporary file; under
// `npm run test:postgres`, TEST_POSTGRES_URL names a throwaway PostgreSQL cluster
// (scripts/postgres-cluster.ts), and a database is a new database of that cluster.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { vi } from "vitest";
import { type PostgresCluster, startPostgresCluster } from "../scripts/postgres-cluster.ts";
import { type DatabaseProvider, postgresConnection } from "./database-url.ts";

const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The database tests run on: PostgreSQL when TEST_POSTGRES_URL is set, SQLite otherwise. */
export function testProvider(): DatabaseProvider {
  return process.env.TEST_POSTGRES_URL ? "postgresql" : "sqlite";
}

/** Runs one statement on the test cluster's maintenance database (TEST_POSTGRES_URL). */
async function onTestCluster(statement: string): Promise<void> {
  const client = new pg.Client(postgresConnection(process.env.TEST_POSTGRES_URL!));
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the test cluster. */
function testClusterUrl(name: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A URL for a new, empty database: on SQLite, a file in a new temporary folder, not created yet;
 * on PostgreSQL, a database created on the test cluster with no tables.
 */
export async function temporaryDatabaseUrl(): Promise<string> {
  if (testProvider() === "sqlite") return `file:${path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-")), "test.db")}`;
  const name = `seven_steps_test_${randomBytes(6).toString("hex")}`;
  await onTestCluster(`CREATE DATABASE "${name}"`);
  return testClusterUrl(name);
}

/**
 * Runs one of this package's database scripts (`db:setup`, for example) against `url`.
 * Throws with the script's output when it fails.
 */
export function runDatabaseScript(script: string, url: string): string {
  const result = spawnSync("npm", ["run", script], {
    cwd: packageFolder,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A fresh database, migrated and seeded with the demo data. */
export async function createSeededDatabase(): Promise<string> {
  const url = await temporaryDatabaseUrl();
  runDatabaseScript("db:setup", url);
  return url;
}

/**
 * A copy of a database, for one test file: a copied file on SQLite, `CREATE DATABASE … TEMPLATE`
 * on PostgreSQL (nobody may be connected to the template meanwhile). Far faster than migrating
 * again: on PostgreSQL a migration alone takes about 11 s.
 */
export async function copyDatabase(templateUrl: string): Promise<string> {
  if (testProvider() === "sqlite") {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-copy-")), "test.db");
    copyFileSync(templateUrl.slice("file:".length), file);
    return `file:${file}`;
  }
  const name = `seven_steps_test_${randomBytes(6).toString("hex")}`;
  await onTestCluster(`CREATE DATABASE "${name}" TEMPLATE "${postgresConnection(templateUrl).database}"`);
  return testClusterUrl(name);
}

/**
 * A seeded database on a PostgreSQL server of its own, for a test that stops the server and
 * starts it again (`server.stopServer()`, `server.startServer()`): the database going down while
 * the apps run, without disturbing the other test files, which share TEST_POSTGRES_URL's server.
 * Building it takes a migration, about 11 s.
 */
export async function seededDatabaseOnItsOwnServer(): Promise<{ url: string; server: PostgresCluster }> {
  const server = await startPostgresCluster();
  try {
    server.createDatabase("seven_steps");
    const url = server.url("seven_steps");
    runDatabaseScript("db:setup", url);
    return { url, server };
  } catch (error) {
    server.stop();
    throw error;
  }
}

/**
 * What "the database is unavailable" is on SQLite, which has no server to stop: another process
 * holds the write lock for longer than the busy timeout. Takes the lock of the file `url` names,
 * on a connection of its own, until the returned function releases it.
 */
export function holdSqliteWriteLock(url: string): () => void {
  const connection = new Database(url.slice("file:".length), { fileMustExist: true });
  connection.exec("BEGIN IMMEDIATE");
  return () => {
    connection.exec("ROLLBACK");
    connection.close();
  };
}

/**
 * What `load` imports, as a second instance of the app under test has it, the way a round-robin
 * proxy sends requests to two: the app's modules loaded afresh, so every cache they keep is their
 * own, and on PostgreSQL a pool of connections of their own (another URL for the same database is
 * another pool). On SQLite the second instance shares this process's connection: two connections
 * in one process would wait for each other's locks on its one thread, which two processes never
 * do; across processes, SQLite's write lock serialises their writes. `load` must import
 * dynamically: `() => import("@/…")`.
 */
export async function asAnotherInstance<Modules>(load: () => Promise<Modules>): Promise<Modules> {
  const url = process.env.DATABASE_URL!;
  if (testProvider() === "postgresql") process.env.DATABASE_URL = `${url}${url.includes("?") ? "&" : "?"}application_name=another-instance`;
  vi.resetModules();
  try {
    return await load();
  } finally {
    process.env.DATABASE_URL = url;
  }
}
