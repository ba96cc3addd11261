// `npm run test:postgres`: the vitest suites of the database package, the inspector and the three
// apps, then the scaled end-to-end stage (two instances of each app behind nginx), all on a
// throwaway PostgreSQL cluster that is stopped and deleted at the end, also on failure.
// `npm test` stays on SQLite, so that a newcomer needs no database server.
import { spawn } from "node:child_process";
import path from "node:path";
import { startPostgresCluster } from "./postgres-cluster.ts";

const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

const suites = ["@seven-steps/db", "@seven-steps/inspector", "@seven-steps/authorization-server", "@seven-steps/resource-api", "@seven-steps/client"];

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repositoryRoot, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const cluster = await startPostgresCluster();
const stop = () => cluster.stop();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stop();
    process.exit(130);
  });
}

let failed = false;
try {
  console.info("\n── vitest on PostgreSQL ──");
  const unit = await run("npx", ["turbo", "run", "test", "--continue", ...suites.map((suite) => `--filter=${suite}`)], {
    TEST_POSTGRES_URL: cluster.url("postgres"),
  });
  failed ||= unit !== 0;

  console.info("\n── the scaled end-to-end stage on PostgreSQL ──");
  cluster.createDatabase("seven_steps_scaled");
  const scaled = await run("npm", ["run", "test:e2e:scaled"], { DATABASE_URL: cluster.url("seven_steps_scaled") });
  failed ||= scaled !== 0;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
