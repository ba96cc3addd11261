// One load measurement: autocannon at 16 connections for 10 seconds, in this process.
import autocannon from "autocannon";

export const connections = 16;
export const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS || 10);

export interface LoadResult {
  /** Requests per second, the mean over the run. */
  requestsPerSecond: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  /** Connection errors, timeouts and answers outside 2xx. */
  errors: number;
  requests: number;
}

export async function measure(options: autocannon.Options): Promise<LoadResult> {
  const duration = Number(options.duration ?? durationSeconds);
  const result = await autocannon({ connections, ...options, duration });
  const requests = result.requests.total;
  return {
    requestsPerSecond: Math.round(requests / duration),
    p50Milliseconds: result.latency.p50,
    p99Milliseconds: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests,
  };
}

/**
 * Two runs of the same load as one: the mean rate and median, the worse p99, every error. The
 * framework floor is run before the token endpoint's rows and again after them, so that a moment
 * of noise on this shared machine does not set the ratio of every row on its own.
 */
export function combined(first: LoadResult, second: LoadResult): LoadResult {
  return {
    requestsPerSecond: Math.round((first.requestsPerSecond + second.requestsPerSecond) / 2),
    p50Milliseconds: (first.p50Milliseconds + second.p50Milliseconds) / 2,
    p99Milliseconds: Math.max(first.p99Milliseconds, second.p99Milliseconds),
    errors: first.errors + second.errors,
    requests: first.requests + second.requests,
  };
}

/** A short run whose figures are dropped: it lets V8 compile the route's code before the real one. */
export async function warmUp(options: autocannon.Options): Promise<void> {
  await measure({ ...options, duration: 2 });
}
