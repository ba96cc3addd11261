// Configuration of the Prisma CLI (generate, migrate deploy, db seed).
//
// Prisma 6.19.3 with its JavaScript schema engine and the better-sqlite3 driver adapter works
// fully offline; see the README's "Database" section for why the version is pinned.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./scripts/tooling.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
  schema: "../../prisma/schema",
  migrations: {
    path: "../../prisma/migrations",
    seed: "tsx ../../prisma/seed.ts",
  },
});
