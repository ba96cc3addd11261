// `npm run db:migration -- <name>`: writes a new migration for each provider, from the difference
// between the committed models (HEAD) and the models in the working tree.
//
// `prisma migrate dev` needs a shadow database, which Prisma's JavaScript engine cannot create,
// so each migration is computed by `prisma migrate diff` between two schema folders instead. On
// PostgreSQL even that needs a server: a throwaway cluster is started for it
// (postgres-cluster.ts), so writing a migration never touches a real database.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../src/database-url.ts";
import { startPostgresCluster } from "./postgres-cluster.ts";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in lower_snake_case>");
  process.exit(64);
}

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const previous = mkdtempSync(path.join(tmpdir(), "seven-steps-schema-"));
const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const providers: DatabaseProvider[] = ["sqlite", "postgresql"];

/** The committed schema folder of a provider, extracted to a temporary folder (links included). */
function committedSchema(provider: DatabaseProvider): string | undefined {
  const paths = ["prisma/models", `prisma/${provider}/schema.prisma`, `prisma/${provider}/models`];
  const archive = spawnSync("git", ["-C", root, "archive", "HEAD", ...paths]);
  if (archive.status !== 0) return undefined;
  execFileSync("tar", ["-x", "-C", previous], { input: archive.stdout });
  return path.join(previous, "prisma", provider);
}

function writeMigration(provider: DatabaseProvider, databaseUrl: string): string | undefined {
  const from = committedSchema(provider);
  const diff = spawnSync(
    "npx",
    ["prisma", "migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", path.join(root, "prisma", provider), "--script"],
    { encoding: "utf8", env: { ...process.env, PRISMA_PROVIDER: provider, DATABASE_URL: databaseUrl } },
  );
  if (diff.status !== 0) throw new Error(`prisma migrate diff failed for ${provider}:\n${diff.stdout}${diff.stderr}`);
  // Prisma writes "-- This is an empty migration." when nothing changed.
  const statements = diff.stdout.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  if (statements.length === 0) return undefined;
  const folder = path.join(root, "prisma", provider, "migrations", `${timestamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
  return folder;
}

const cluster = await startPostgresCluster();
try {
  cluster.createDatabase("migration_diff");
  const urls: Record<DatabaseProvider, string> = { sqlite: "file:./unused.db", postgresql: cluster.url("migration_diff") };
  const written = providers.map((provider) => writeMigration(provider, urls[provider])).filter((folder) => folder !== undefined);
  if (written.length === 0) {
    console.error("The models have not changed since HEAD: no migration written.");
    process.exitCode = 1;
  } else {
    for (const folder of written) console.info(`Wrote ${path.relative(root, folder)}/migration.sql (${readFileSync(path.join(folder, "migration.sql"), "utf8").split("\n").length} lines)`);
    console.info("Check them, then commit them with the models.");
  }
} finally {
  cluster.stop();
  rmSync(previous, { recursive: true, force: true });
}
