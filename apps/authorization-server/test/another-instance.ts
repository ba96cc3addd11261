// A second instance of the authorization server inside a test's process, as a round-robin proxy
// would send requests to two: its modules loaded afresh, so every cache they keep is its own, and
// on PostgreSQL a pool of connections of its own. On SQLite it shares this process's connection:
// two connections in one process would wait for each other's locks on its one thread, which two
// processes never do; across processes, SQLite's write lock serialises their writes.
import { testProvider } from "@seven-steps/db/testing";
import { vi } from "vitest";

/** What `load` imports, as another instance has it. `load` must import dynamically: `() => import("@/…")`. */
export async function asAnotherInstance<Modules>(load: () => Promise<Modules>): Promise<Modules> {
  const url = process.env.DATABASE_URL!;
  // Another URL for the same database is another pool (packages/db/src/postgresql/pool.ts).
  if (testProvider() === "postgresql") process.env.DATABASE_URL = `${url}${url.includes("?") ? "&" : "?"}application_name=another-instance`;
  vi.resetModules();
  try {
    return await load();
  } finally {
    process.env.DATABASE_URL = url;
  }
}
