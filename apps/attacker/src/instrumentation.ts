// Runs once when the server starts: a bad configuration or an unmigrated database stops the app
// with the reason, instead of failing later, on the first request.
export async function register() {
  // NEXT_RUNTIME is set by Next.js, not by the user. Checking it keeps Node-only code out of the
  // Edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runStartupChecks } = await import("@seven-steps/config/startup");
  await runStartupChecks("attacker", async () => {
    const { assertDatabaseReady } = await import("@seven-steps/db");
    const { db, ownTables } = await import("@/db");
    const { env } = await import("@/env");
    await assertDatabaseReady(db, env.DATABASE_URL, ownTables);
  });
}
