/**
 * `load`, run once and its promise shared by every caller, as long as it has not failed. A failure
 * is not kept: the next call runs `load` again. So a server started before the authorization
 * server it needs recovers on its own as soon as that one answers, without asking it more than
 * once while it does.
 */
export function cachedUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    cached ??= load().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
