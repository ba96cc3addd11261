/**
 * Polls `url` until it answers with any HTTP status. Resolves with null once it does, or with the
 * last error when the time is up.
 */
export async function waitUntilAnswering(
  url: string,
  { timeoutMilliseconds, intervalMilliseconds = 500 }: { timeoutMilliseconds: number; intervalMilliseconds?: number },
): Promise<string | null> {
  const deadline = Date.now() + timeoutMilliseconds;
  let lastError = "no answer yet";
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(intervalMilliseconds * 20) });
      return null;
    } catch (error) {
      lastError = error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
      await new Promise((resolve) => setTimeout(resolve, intervalMilliseconds));
    }
  }
  return lastError;
}
