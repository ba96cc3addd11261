import type { ExchangeKind } from "./recorder.ts";

/** The messages of step 0, as the apps record them. */
export const discoveryKinds = ["resource-challenge", "resource-metadata", "authorization-server-metadata"] as const satisfies readonly ExchangeKind[];

/** How long before a flow starts a message of step 0 may have been sent, to count as its discovery. */
export const discoveryWindowMilliseconds = 2 * 60 * 1000;

/** A recorded message of step 0 from the browser that starts a flow. */
export interface DiscoveryMessage {
  id: string;
  kind: string;
  createdAt: Date;
}

/**
 * Which messages of step 0 a flow that starts at `startedAt` takes as its own: a HEURISTIC.
 *
 * Step 0 belongs to the client, not to a flow. Nothing in RFC 9728 or RFC 8414 ties a call without
 * a token, or a metadata fetch, to the authorization request that follows, and a client may run
 * discovery once for many sign-ins. So the inspector guesses: it gives a new flow the step-0
 * messages sent from the same browser (same address and User-Agent, see `browserOf`) in the
 * {@link discoveryWindowMilliseconds} before it started, from the last time that browser began
 * to find its way from the API: its call without a token (the 401 that names the metadata), or
 * else its fetch of the API's metadata. A read of the authorization server's metadata alone is not
 * step 0: every client reads it before step 1. Two people behind one address with the same browser
 * can be mixed up; step-0 messages hold nothing secret, so the mistake shows public metadata only.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5
 */
export function discoveryRun(messages: readonly DiscoveryMessage[], startedAt: Date): string[] {
  const recent = messages
    .filter((message) => {
      const age = startedAt.getTime() - message.createdAt.getTime();
      return age >= 0 && age <= discoveryWindowMilliseconds;
    })
    .toSorted((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const lastStart = (kind: string) => recent.findLastIndex((message) => message.kind === kind);
  const challenge = lastStart("resource-challenge");
  const start = challenge >= 0 ? challenge : lastStart("resource-metadata");
  return start < 0 ? [] : recent.slice(start).map((message) => message.id);
}
