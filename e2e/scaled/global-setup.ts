// Before the scaled stage: a PostgreSQL database (a throwaway cluster, or the one DATABASE_URL
// names), migrated and seeded, and the scaled stack on it. What it returns, Playwright runs after
// the last test, whatever the outcome: it stops the stack and the cluster.
import { databaseProvider, describeDatabase } from "@seven-steps/db";
import { startPostgresCluster, type PostgresCluster } from "@seven-steps/db/postgres-cluster";
import { describeScaledStack, killScaledStackNow, startScaledStack, stopScaledStack } from "@seven-steps/devtools/scaled/stack";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { repositoryRoot } from "../apps.ts";
import { scaledStackSettings } from "./stack-settings.ts";

/** The database DATABASE_URL names when it is a PostgreSQL one; otherwise a new cluster of our own. */
async function database(): Promise<{ url: string; cluster?: PostgresCluster }> {
  const given = process.env.DATABASE_URL;
  if (given && databaseProvider(given) === "postgresql") return { url: given };
  const cluster = await startPostgresCluster();
  try {
    cluster.createDatabase("e2e_scaled");
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return { url: cluster.url("e2e_scaled"), cluster };
}

function migrateAndSeed(url: string): void {
  const setup = spawnSync("npm", ["run", "db:setup", "--workspace", "@seven-steps/db"], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`The scaled stage's database could not be set up:\n${setup.stdout}${setup.stderr}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const { url, cluster } = await database();
  process.env.E2E_DATABASE_URL = url;
  process.env.E2E_NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  const settings = scaledStackSettings();

  // Should this process end without running the teardown below, nothing it started outlives it.
  // Playwright runs the teardown on Ctrl-C, but a SIGTERM (a CI job cancelled) would end it at once.
  const killEverything = () => {
    killScaledStackNow(settings);
    cluster?.stop();
  };
  process.once("exit", killEverything);
  for (const signal of ["SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killEverything();
      process.exit(1);
    });
  }

  try {
    console.info(`Scaled stage: database ${describeDatabase(url)}${cluster ? " (a throwaway cluster)" : " (from DATABASE_URL)"}`);
    migrateAndSeed(url);
    await startScaledStack(settings);
  } catch (error) {
    cluster?.stop();
    throw error;
  }
  console.info(describeScaledStack(settings));

  return async () => {
    await stopScaledStack(settings);
    cluster?.stop();
  };
}
