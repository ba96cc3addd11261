// `npm run start:scaled`: the demo as it would run scaled out. Each app runs twice, and nginx
// sends the requests for http://localhost:3000, 3001 and 3002 to the two instances in turn; all
// six share the PostgreSQL database DATABASE_URL names.
//
//   DATABASE_URL=postgresql://user:password@localhost:5432/seven_steps npm run start:scaled
//
// It builds the apps if they changed, migrates and seeds the database, starts everything, prints
// what runs where, and stops everything on Ctrl-C (or SIGTERM), or as soon as a part fails to start.
//
// Both npm scripts that lead here start with `exec`, and this file runs under `node --import tsx`
// rather than the tsx command: npm passes a SIGTERM on to its child only, and a shell or tsx in
// between would end without passing it on, leaving the instances running.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isRunning } from "../src/scaled/instance.ts";
import { allInstances } from "../src/scaled/layout.ts";
import { ScaledStackError } from "../src/scaled/stack-error.ts";
import { checkDatabaseUrl, describeScaledStack, findStartProblems, startScaledStack, stopScaledStack, type ScaledStackSettings } from "../src/scaled/stack.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function run(title: string, command: string, args: string[], environment: Record<string, string> = {}): void {
  console.info(`\n▸ ${title}`);
  const result = spawnSync(command, args, {
    cwd: repositoryRoot,
    stdio: "inherit",
    env: { ...process.env, ...environment, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail(`${title} failed; see above.`);
}

let databaseUrl: string;
try {
  databaseUrl = checkDatabaseUrl(process.env.DATABASE_URL);
} catch (error) {
  fail((error as Error).message);
}

// Checked before the build, which takes minutes, so that a port in use is reported at once.
const problems = await findStartProblems();
if (problems.length > 0) fail(`The scaled stack cannot start:\n  ${problems.join("\n  ")}`);

run("Building the apps (turbo replays an unchanged build from its cache)", "npx", ["turbo", "run", "build", "--filter=./apps/*"]);
run("Migrating and seeding the database", "npm", ["run", "db:setup", "--workspace", "@seven-steps/db"], { DATABASE_URL: databaseUrl });

const settings: ScaledStackSettings = {
  folder: path.join(repositoryRoot, "packages", "devtools", ".data", "scaled"),
  databaseUrl,
  // Without one given, a random one: the sessions then last as long as this stack.
  nextAuthSecret: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
};

let stopping = false;
async function stopEverything(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`\n${reason}: stopping nginx and every instance…`);
  await stopScaledStack(settings);
  console.info("Stopped.");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopEverything(signal));

console.info("\n▸ Starting two instances of each app, then nginx");
try {
  await startScaledStack(settings);
} catch (error) {
  if (error instanceof ScaledStackError) fail(error.message);
  throw error;
}
console.info(describeScaledStack(settings));

// Says so when an instance ends while the stack runs (someone killed it to watch the other one take
// over); nginx keeps sending every request to the instance that is left. This also keeps this
// process alive until it is told to stop.
const reported = new Set<string>();
setInterval(() => {
  for (const instance of allInstances) {
    if (!stopping && !reported.has(instance.name) && !isRunning(instance, settings)) {
      reported.add(instance.name);
      console.warn(`${instance.name} (port ${instance.port}) is no longer running; nginx sends its requests to the other instance.`);
    }
  }
}, 2_000);
