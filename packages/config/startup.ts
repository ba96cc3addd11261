/**
 * Runs an app's start-up checks (configuration, database) once, when its server starts. If one
 * fails, the app stops at once with the reason and never half-starts.
 */
export async function runStartupChecks(appName: string, checks: () => Promise<void>): Promise<void> {
  try {
    await checks();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`\n✖ ${reason.startsWith(appName) ? reason : `${appName} cannot start: ${reason}`}\n`);
    process.exit(1);
  }
}
