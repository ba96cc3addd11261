// Helpers for tests that need a real database: each gets a fresh SQLite file of its own, built
// by the same commands a developer runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A `file:` URL for a new database in a new temporary folder. Nothing is created yet. */
export function temporaryDatabaseUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-")), "test.db")}`;
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
export function createSeededDatabase(): string {
  const url = temporaryDatabaseUrl();
  runDatabaseScript("db:setup", url);
  return url;
}
