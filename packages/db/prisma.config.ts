// Configuration of the Prisma CLI (generate, migrate deploy, db seed).
//
// Prisma 6.19.3 with its JavaScript schema engine and a driver adapter works fully offline; see
// the README's "Database" section for why the version is pinned. The provider cannot come from an
// environment variable inside a schema, so each provider has a folder of its own under prisma/
// (its datasource, a link to the shared models, its migrations), and this file picks the folder
// and the adapter from DATABASE_URL. PRISMA_PROVIDER overrides it, for `npm run db:generate`,
// which writes the clients of both.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { cliPostgresAdapter } from "./scripts/cli-postgres-adapter.ts";
import { cliProvider, databaseUrl } from "./scripts/tooling.ts";
import { databaseProvider } from "./src/database-url.ts";

const provider = cliProvider();
// `generate` with PRISMA_PROVIDER connects to nothing, but its datasource URL must still be one of
// that provider: any URL of that kind serves.
const placeholderUrls = { sqlite: "file:./unused.db", postgresql: "postgresql://generate@localhost/unused" };
const url = databaseProvider(databaseUrl()) === provider ? databaseUrl() : placeholderUrls[provider];
// The schema's datasource reads DATABASE_URL; the adapter below decides where the database is.
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (provider === "postgresql" ? cliPostgresAdapter(url) : new PrismaBetterSQLite3({ url })),
  schema: `../../prisma/${provider}`,
  migrations: {
    path: `../../prisma/${provider}/migrations`,
    seed: "tsx ../../prisma/seed.ts",
  },
});
