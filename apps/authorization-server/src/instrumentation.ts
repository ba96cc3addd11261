// Runs once when the server starts: a bad configuration or an unmigrated database stops the app
// with the reason, instead of failing later, on the first request. Then expired records are
// deleted, now and every ten minutes (housekeeping.ts).
export async function register() {
  // NEXT_RUNTIME is set by Next.js, not by the user. Checking it keeps Node-only code out of the
  // Edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runStartupChecks } = await import("@seven-steps/config/startup");
  await runStartupChecks("authorization-server", async () => {
    const { assertDatabaseReady } = await import("@seven-steps/db");
    const { db, ownTables } = await import("@/db");
    const { env } = await import("@/env");
    await assertDatabaseReady(db, env.DATABASE_URL, ownTables);
    // The first start generates the signing key and stores it, before any token is requested.
    const { currentSigningKey } = await import("@/oauth/tokens/signing-keys");
    await currentSigningKey();
  });
  const { startHousekeeping } = await import("@/housekeeping");
  startHousekeeping();
}
