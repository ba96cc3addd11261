// The scaffold every operator script of the authorization server shares around its work: the
// database must be migrated first (or the script says so in plain words, exit code 1), and the
// connection is closed at the end, whatever happens, so that the process can exit.
import { assertDatabaseReady, DatabaseNotReadyError } from "@seven-steps/db";
import { db, ownTables } from "@/db";
import { env } from "@/env";

/** Runs `work` once the database is ready; answers its exit code. `script` names the script in messages. */
export async function withDatabase(script: string, work: () => Promise<number>): Promise<number> {
  try {
    await assertDatabaseReady(db, env.DATABASE_URL, ownTables);
    return await work();
  } catch (error) {
    if (error instanceof DatabaseNotReadyError) {
      console.error(`${script}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}
