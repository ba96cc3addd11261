// Load: many members sign in to several clients at the same time, each refreshes their token once,
// and a few others keep reading their photos meanwhile. Every request must succeed, every token
// must open its own member's photos, and afterwards the database must hold exactly the rows those
// sign-ins made: none lost, none twice. The three apps share one SQLite file, in WAL mode with a
// busy timeout, so concurrent writers wait for each other instead of failing with "database is
// locked".
//
// The size comes from LOAD_FLOWS (sign-ins, 40 by default) and LOAD_CONCURRENCY (how many at a
// time, 10 by default). The full run, from e2e/, on a prepared database:
//   LOAD_FLOWS=200 LOAD_CONCURRENCY=20 npx playwright test tests/stress/load.spec.ts --project stress --no-deps
// The summary it prints (requests and latencies per endpoint) is information only: speed is
// measured by the benchmark, not asserted here.
import type { TokenResponse } from "@seven-steps/protocol";
import { hashSecret } from "@seven-steps/authorization-server/secret-hash";
import { decodeJwt } from "jose";
import { apps } from "../../apps.ts";
import { database, userId } from "../../fixtures/database.ts";
import { signInOverHttp, tokenRequest } from "../../fixtures/http-flow.ts";
import { TrafficRecorder } from "../../fixtures/load-traffic.ts";
import { runConcurrently } from "../../fixtures/load-workers.ts";
import { registerTestClient, type TestClient } from "../../fixtures/test-clients.ts";
import { registerTestUser, type TestUser } from "../../fixtures/test-users.ts";
import { expect, test } from "../../fixtures/test.ts";

const api = apps.resourceApi.url;

const flowCount = Number(process.env.LOAD_FLOWS || 40);
const concurrency = Number(process.env.LOAD_CONCURRENCY || 10);
/** Each member signs in this many times, to several clients, partly at the same moment. */
const flowsPerMember = 4;
const clientCount = 3;
/** Members who keep reading their photos, refreshing as they go, while the sign-ins run. */
const readerCount = Math.max(1, Math.round(concurrency / 5));
const scope = "profile photos:read";

interface Member extends TestUser {
  id: string;
}

/** One sign-in and what it was issued: the tokens of step 5, then those of each refresh. */
interface SignIn {
  label: string;
  member: Member;
  client: TestClient;
  issued: TokenResponse[];
}

async function registerMembers(count: number): Promise<Member[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const user = await registerTestUser();
      return { ...user, id: await userId(user.username) };
    }),
  );
}

/** RFC 9068 §2.2: the access token names the member (`sub`) and the client (`client_id`). */
function expectIssuedTo(signIn: Omit<SignIn, "issued">, tokens: TokenResponse): void {
  const claims = decodeJwt(tokens.access_token);
  expect(claims, signIn.label).toMatchObject({ sub: signIn.member.id, client_id: signIn.client.id, scope });
}

/** Steps 6 and 7: the API answers 200 with this member's photos, and only theirs. */
async function expectOwnPhotos(member: Member, accessToken: string): Promise<void> {
  const response = await fetch(`${api}/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = await response.text();
  expect(response.status, `GET /photos for ${member.username}: ${body}`).toBe(200);
  const titles = (JSON.parse(body) as { photos: { title: string }[] }).photos.map((photo) => photo.title);
  expect(titles.sort()).toEqual([...member.photoTitles].sort());
}

async function expectOwnProfile(member: Member, accessToken: string): Promise<void> {
  const response = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = await response.text();
  expect(response.status, `GET /me for ${member.username}: ${body}`).toBe(200);
  expect(JSON.parse(body)).toMatchObject({ sub: member.id, username: member.username });
}

/** RFC 6749 §6 and RFC 9700 §4.14.2: a refresh answers with a new refresh token, never the same. */
async function refresh(signIn: Omit<SignIn, "issued">, tokens: TokenResponse): Promise<TokenResponse> {
  const response = await tokenRequest(signIn.client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
  const body = await response.text();
  expect(response.status, `refresh for ${signIn.label}: ${body}`).toBe(200);
  const refreshed = JSON.parse(body) as TokenResponse;
  expect(refreshed.refresh_token).toBeDefined();
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  expectIssuedTo(signIn, refreshed);
  return refreshed;
}

/**
 * One member signing in to one client (steps 1 to 5), then reading their photos and profile with
 * the access token while the client refreshes it, then reading again with the new one.
 */
async function signInReadAndRefresh(flow: Omit<SignIn, "issued">): Promise<SignIn> {
  const { tokens } = await signInOverHttp(flow.client, flow.member, scope);
  expectIssuedTo(flow, tokens);
  const [refreshed] = await Promise.all([
    refresh(flow, tokens),
    expectOwnPhotos(flow.member, tokens.access_token),
    expectOwnProfile(flow.member, tokens.access_token),
  ]);
  await expectOwnPhotos(flow.member, refreshed.access_token);
  return { ...flow, issued: [tokens, refreshed] };
}

/**
 * A member who signs in once, then reads their photos over and over until `done()`, renewing the
 * access token when half its lifetime is gone, as a client does before a token expires.
 */
async function readUntil(reader: Omit<SignIn, "issued">, done: () => boolean): Promise<SignIn & { reads: number }> {
  let tokens = (await signInOverHttp(reader.client, reader.member, scope)).tokens;
  expectIssuedTo(reader, tokens);
  const issued = [tokens];
  let receivedAt = Date.now();
  let reads = 0;
  do {
    if (Date.now() - receivedAt > (tokens.expires_in ?? 0) * 500) {
      tokens = await refresh(reader, tokens);
      issued.push(tokens);
      receivedAt = Date.now();
    }
    await expectOwnPhotos(reader.member, tokens.access_token);
    reads += 1;
  } while (!done());
  return { ...reader, issued, reads };
}

/** What went wrong in each failed sign-in, named so that it can be found in the log. */
function failuresOf(outcomes: PromiseSettledResult<unknown>[], labels: string[]): string[] {
  return outcomes.flatMap((outcome, index) =>
    outcome.status === "rejected" ? [`${labels[index]}: ${(outcome.reason as Error).message}`] : [],
  );
}

const sorted = (lines: string[]) => [...lines].sort();

test("many sign-ins at once, each refreshed while members read their photos: every request succeeds, every row is stored once", async () => {
  // Generous, so that a slow machine never fails the test: speed is not what it checks.
  test.setTimeout(60_000 + flowCount * 1_500);

  await test.step("the shared database is in WAL mode and waits for a busy writer", async () => {
    const [journal] = await database.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(journal?.journal_mode).toBe("wal");
    // The apps open the file through the same client as this test (@seven-steps/db).
    const [busy] = await database.$queryRawUnsafe<{ timeout: number }[]>("PRAGMA busy_timeout");
    expect(busy?.timeout).toBeGreaterThan(0);
  });

  const clients = await Promise.all(Array.from({ length: clientCount }, registerTestClient));
  const readersClient = await registerTestClient();
  const members = await registerMembers(Math.ceil(flowCount / flowsPerMember));
  const readerMembers = await registerMembers(readerCount);
  // A member's sign-ins are next to each other in the list, so they run at the same time, two of
  // them to the same client.
  const flows = Array.from({ length: flowCount }, (_, index) => {
    const member = members[Math.floor(index / flowsPerMember)]!;
    const client = clients[index % clientCount]!;
    return { label: `sign-in ${index + 1} (${member.username} at ${client.id})`, member, client };
  });
  const readers = readerMembers.map((member) => ({ label: `reader ${member.username}`, member, client: readersClient }));

  const traffic = new TrafficRecorder();
  const startedAt = performance.now();
  let flowOutcomes: PromiseSettledResult<SignIn>[];
  let readerOutcomes: PromiseSettledResult<SignIn & { reads: number }>[];
  traffic.start();
  try {
    let flowsRunning = true;
    const reading = Promise.allSettled(readers.map((reader) => readUntil(reader, () => !flowsRunning)));
    flowOutcomes = await runConcurrently(flows, concurrency, signInReadAndRefresh);
    flowsRunning = false;
    readerOutcomes = await reading;
  } finally {
    traffic.stop();
  }
  const completedReaders = readerOutcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  console.info(
    [
      `Load: ${flowCount} sign-ins, ${concurrency} at a time, ${readerCount} readers ` +
        `(${completedReaders.reduce((sum, reader) => sum + reader.reads, 0)} reads, ` +
        `${completedReaders.reduce((sum, reader) => sum + reader.issued.length - 1, 0)} refreshes), ` +
        `in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
      traffic.summary(),
    ].join("\n"),
  );

  await test.step("every request was answered with a 2xx or a 3xx, and every sign-in and read succeeded", () => {
    expect(traffic.failures, "requests answered with an error").toEqual([]);
    expect(failuresOf(flowOutcomes, flows.map((flow) => flow.label))).toEqual([]);
    expect(failuresOf(readerOutcomes, readers.map((reader) => reader.label))).toEqual([]);
  });

  const signIns: SignIn[] = [...flowOutcomes, ...readerOutcomes].flatMap((outcome) =>
    outcome.status === "fulfilled" ? [outcome.value] : [],
  );
  const clientIds = [...clients, readersClient].map((client) => client.id);
  const memberIds = [...members, ...readerMembers].map((member) => member.id);

  await test.step("one session per sign-in (the password was entered each time)", async () => {
    const sessions = await database.session.findMany({ where: { userId: { in: memberIds } } });
    expect(sorted(sessions.map((session) => session.userId))).toEqual(sorted(signIns.map((signIn) => signIn.member.id)));
  });

  await test.step("one remembered consent per member and client, for the scopes allowed", async () => {
    const consents = await database.consent.findMany({ where: { clientId: { in: clientIds } } });
    const pairs = new Set(signIns.map((signIn) => `${signIn.member.id} ${signIn.client.id} ${scope}`));
    expect(sorted(consents.map((consent) => `${consent.userId} ${consent.clientId} ${consent.scope}`))).toEqual(sorted([...pairs]));
  });

  // RFC 6749 §4.1.2: each code is used once; §4.1.3 and §10.5: its use creates one grant.
  await test.step("one consumed authorization code and one grant per sign-in, none revoked", async () => {
    const codes = await database.authorizationCode.findMany({ where: { clientId: { in: clientIds } } });
    expect(codes).toHaveLength(signIns.length);
    expect(codes.filter((code) => code.consumedAt === null || code.grantId === null)).toEqual([]);

    const grants = await database.grant.findMany({ where: { clientId: { in: clientIds } } });
    expect(sorted(grants.map((grant) => `${grant.userId} ${grant.clientId}`))).toEqual(
      sorted(signIns.map((signIn) => `${signIn.member.id} ${signIn.client.id}`)),
    );
    expect(sorted(codes.map((code) => code.grantId!))).toEqual(sorted(grants.map((grant) => grant.id)));
    // A refresh under load must never be mistaken for the reuse of a stolen refresh token.
    expect(grants.filter((grant) => grant.revokedAt !== null)).toEqual([]);
  });

  // RFC 9068 §2.2: each access token has a unique `jti`; RFC 9700 §4.14.2: each refresh rotates
  // the refresh token, so only the last one of each sign-in can still be used.
  await test.step("every token issued is stored once, in its sign-in's grant, and only the last refresh token is unused", async () => {
    const accessTokens = await database.accessToken.findMany({ where: { clientId: { in: clientIds } } });
    const issuedJtis = signIns.flatMap((signIn) => signIn.issued.map((tokens) => decodeJwt(tokens.access_token).jti!));
    expect(new Set(issuedJtis).size, "distinct jti among the access tokens issued").toBe(issuedJtis.length);
    expect(sorted(accessTokens.map((row) => `${row.jti} ${row.subject} ${row.clientId}`))).toEqual(
      sorted(
        signIns.flatMap((signIn) =>
          signIn.issued.map((tokens) => `${decodeJwt(tokens.access_token).jti} ${signIn.member.id} ${signIn.client.id}`),
        ),
      ),
    );

    const grantOfJti = new Map(accessTokens.map((row) => [row.jti, row.grantId]));
    const grantOf = (signIn: SignIn) => new Set(signIn.issued.map((tokens) => grantOfJti.get(decodeJwt(tokens.access_token).jti!)));
    expect(signIns.filter((signIn) => grantOf(signIn).size !== 1).map((signIn) => signIn.label)).toEqual([]);
    expect(new Set(signIns.map((signIn) => [...grantOf(signIn)][0])).size, "distinct grants").toBe(signIns.length);

    const refreshTokens = await database.refreshToken.findMany({ where: { clientId: { in: clientIds } } });
    expect(sorted(refreshTokens.map((row) => `${row.tokenHash} ${row.grantId} ${row.rotatedAt ? "rotated" : "unused"}`))).toEqual(
      sorted(
        signIns.flatMap((signIn) =>
          signIn.issued.map(
            (tokens, index) =>
              `${hashSecret(tokens.refresh_token!)} ${[...grantOf(signIn)][0]} ${index < signIn.issued.length - 1 ? "rotated" : "unused"}`,
          ),
        ),
      ),
    );
  });

  // README, "How this worked": the authorization server records every token response, linked to
  // its flow by the values the flow carries. A record lost under load breaks the rest of its flow.
  await test.step("the inspector recorded the token response of every access token issued, once", async () => {
    const issuedJtis = new Set(signIns.flatMap((signIn) => signIn.issued.map((tokens) => decodeJwt(tokens.access_token).jti!)));
    const exchanges = await database.protocolExchange.findMany({
      where: { recordedBy: "authorization-server", kind: { in: ["token", "refresh"] }, status: 200 },
    });
    const recordedJtis = exchanges
      .map((exchange) => decodeJwt((JSON.parse(exchange.responseBody!) as TokenResponse).access_token).jti!)
      .filter((jti) => issuedJtis.has(jti));
    const missing = [...issuedJtis].filter((jti) => !recordedJtis.includes(jti));
    expect(missing, "jti of the access tokens whose token response was not recorded").toEqual([]);
    expect(recordedJtis).toHaveLength(issuedJtis.size);
  });
});
