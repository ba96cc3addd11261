// Fuzzing: thousands of random and malformed requests, sent to every endpoint of the three apps
// (fixtures/fuzz-endpoints.ts), built by fast-check from real values and junk
// (fixtures/fuzz-requests.ts), after a sweep that gives every field of every endpoint with a body
// each kind of hostile value in turn (fixtures/fuzz-sweep.ts, fixtures/fuzz-hostile-values.ts).
// Whatever a client sends, a server must answer it as a client error at worst: RFC 6749 §5.2 and
// RFC 6750 §3.1 name an error for every malformed request, and a 5xx means the server did not see
// it coming. Afterwards every app still answers, the database holds
// no half-finished rows (fixtures/invariants.ts), and a member can still sign in and see their
// photos.
//
// The size comes from FUZZ_REQUESTS (2000 by default) and the requests from FUZZ_SEED (2026 by
// default): the same seed generates the same requests, so a failure can be replayed. Each failure
// is reported with its request, its answer, and the smallest request that still fails alone.
// The full run, from e2e/:
//   npx tsx prepare-database.ts && FUZZ_REQUESTS=10000 npx playwright test tests/stress/fuzz.spec.ts --project stress --no-deps
import fc from "fast-check";
import { apps, appsUnderTest } from "../../apps.ts";
import {
  describeOutcome,
  describeRequest,
  forEachConcurrently,
  isFailure,
  send,
  sendAsGenerated,
  type FuzzOutcome,
  type FuzzRequest,
} from "../../fixtures/fuzz-http.ts";
import { prepareFuzzIngredients, type FuzzIngredients } from "../../fixtures/fuzz-ingredients.ts";
import { minimise } from "../../fixtures/fuzz-minimise.ts";
import { fuzzRequest } from "../../fixtures/fuzz-requests.ts";
import { sweepRequests } from "../../fixtures/fuzz-sweep.ts";
import { database } from "../../fixtures/database.ts";
import { signInOverHttp } from "../../fixtures/http-flow.ts";
import { findHalfFinishedRows } from "../../fixtures/invariants.ts";
import { expect, test } from "../../fixtures/test.ts";

const requestCount = Number(process.env.FUZZ_REQUESTS || 2000);
const seed = Number(process.env.FUZZ_SEED || 2026);
const concurrency = 8;

interface Sent {
  index: number;
  request: FuzzRequest;
  outcome: FuzzOutcome;
}

/** "200 × 713, 303 × 210, ...": how the requests were answered. */
function statusSummary(sent: Sent[]): string {
  const counts = new Map<string, number>();
  for (const { request, outcome } of sent) {
    const key = outcome.answered ? String(outcome.status) : isFailure(request, outcome) ? "no answer" : "reset (head over 16 KiB)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status} × ${count}`)
    .join(", ");
}

/** Forgets the failures counted against the fuzz member and the clients it uses. */
async function liftThrottles(ingredients: FuzzIngredients): Promise<void> {
  await database.throttle.deleteMany({
    where: {
      OR: [
        { key: { startsWith: `sign-in:${ingredients.user.username}` } },
        ...ingredients.clients.map((client) => ({ key: { startsWith: `client-auth:${client.id}@` } })),
      ],
    },
  });
}

/**
 * The failures, one paragraph per endpoint and answer, the first request of each shrunk to the
 * least that still fails alone: the message of the failing assertion.
 */
async function failureReport(failures: Sent[]): Promise<string> {
  const kinds = new Map<string, Sent[]>();
  for (const failure of failures) {
    const { request, outcome } = failure;
    const kind = `${request.endpoint} (${request.app}) → ${outcome.answered ? outcome.status : "no answer"}`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), failure]);
  }
  const paragraphs: string[] = [];
  for (const [kind, [first, ...others]] of kinds) {
    if (!first) continue;
    const lines = [
      `${kind}: ${others.length + 1} requests (#${[first, ...others].map(({ index }) => index).join(", #")}), the first:`,
      describeRequest(first.request),
      `answer: ${describeOutcome(first.outcome)}`,
    ];
    const smallest = await minimise(first.request);
    lines.push(smallest ? `smallest request that still fails alone:\n${describeRequest(smallest)}` : "(does not fail when sent alone)");
    paragraphs.push(lines.join("\n"));
  }
  return `${failures.length} answers failed (seed ${seed}; #${requestCount} on are the sweep's):\n\n${paragraphs.join("\n\n")}`;
}

test("random and malformed requests to every endpoint get no 5xx, crash no app and leave no half-finished rows", async ({
  testClient,
  testUser,
}) => {
  const ingredients = await prepareFuzzIngredients();
  const sweep = sweepRequests(ingredients, seed);
  test.setTimeout(120_000 + (requestCount + sweep.length) * 50);

  // The sweep, one request at a time, each with the member's and the clients' throttles lifted:
  // it is about what reaches the code behind them (the throttles have tests of their own).
  const swept: Sent[] = [];
  let startedAt = performance.now();
  for (const [position, request] of sweep.entries()) {
    await liftThrottles(ingredients);
    swept.push({ index: requestCount + position, request, outcome: await send(request) });
  }
  console.info(
    `Sweep: ${sweep.length} requests, every field of every endpoint with a body given each kind of hostile value, ` +
      `in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.\n  Answers: ${statusSummary(swept)}.`,
  );

  const requests = fc.sample(fuzzRequest(ingredients), { seed, numRuns: requestCount });
  const sent: Sent[] = [];
  startedAt = performance.now();
  await forEachConcurrently([...requests.entries()], concurrency, async ([index, request]) => {
    for (const outcome of await sendAsGenerated(request)) sent.push({ index, request, outcome });
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.info(
    `Fuzzing: ${requestCount} requests with seed ${seed}, ${concurrency} at a time, in ${seconds} s.\n` +
      `  Answers: ${statusSummary(sent)}.\n` +
      `  Replay with FUZZ_SEED=${seed} FUZZ_REQUESTS=${requestCount}.`,
  );
  const failures = [...swept, ...sent].filter(({ request, outcome }) => isFailure(request, outcome)).sort((a, b) => a.index - b.index);

  // Soft assertions: each check below is reported even when another fails.
  const softly = expect.configure({ soft: true });
  for (const app of appsUnderTest) {
    const home = await fetch(app.url);
    softly(home.status, `${app.url} stopped answering its home page`).toBe(200);
  }

  softly(failures.length, await failureReport(failures)).toBe(0);

  // Polled: a request of another suite may be between two writes at this very moment.
  await softly.poll(findHalfFinishedRows, { message: "rows left half-finished in the database", timeout: 10_000 }).toEqual([]);

  // The demo flow, steps 1 to 7, for a client and a member the fuzzer never saw.
  const { tokens } = await signInOverHttp(testClient, testUser);
  const photos = await fetch(`${apps.resourceApi.url}/photos`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(photos.status).toBe(200);
  const { photos: listed } = (await photos.json()) as { photos: { title: string }[] };
  expect(listed.map((photo) => photo.title).sort()).toEqual([...testUser.photoTitles].sort());
});
