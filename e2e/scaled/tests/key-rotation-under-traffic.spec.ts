// npm run keys:rotate while clients refresh tokens and call the API through the proxy, on both
// instances of each app: no request fails; each authorization server instance signs with the new
// key within the 5 seconds the script promises (its cache of the current key,
// apps/authorization-server/src/oauth/tokens/signing-keys.ts); and each API instance accepts
// tokens signed by either key, fetching the new one when it first meets it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { apps, databaseUrl, repositoryRoot } from "../../apps.ts";
import { database } from "../../fixtures/database.ts";
import { signInOverHttp, tokenRequest, type FlowClient } from "../../fixtures/http-flow.ts";
import { expect, test } from "../../fixtures/test.ts";
import { registerTestUser } from "../../fixtures/test-users.ts";
import { answeredBy, instanceAddresses } from "../upstreams.ts";

/** The delay keys:rotate announces: "signs with the new key within 5 seconds". */
const switchMilliseconds = 5_000;
/** Room for a token request that was under way when the cache expired, on a busy machine. */
const marginMilliseconds = 1_000;

interface Answer {
  kind: "token" | "api";
  status: number;
  instance: string;
  /** The key that signed the access token issued (token) or presented (api). */
  kid?: string;
  accessToken?: string;
  at: number;
}

function kidOf(accessToken: string): string {
  return decodeProtectedHeader(accessToken).kid!;
}

async function callApi(accessToken: string): Promise<Answer> {
  const response = await fetch(`${apps.resourceApi.url}/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
  await response.arrayBuffer();
  return { kind: "api", status: response.status, instance: answeredBy(response.headers), kid: kidOf(accessToken), at: Date.now() };
}

/** What a client does all day: refresh its access token, use it at the API, again and again. */
async function clientTraffic(client: FlowClient, firstRefreshToken: string, answers: Answer[], running: () => boolean): Promise<void> {
  let refreshToken = firstRefreshToken;
  while (running()) {
    const response = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken });
    const answer: Answer = { kind: "token", status: response.status, instance: answeredBy(response.headers), at: Date.now() };
    answers.push(answer);
    // A refused refresh ends this client's traffic: its refresh token may be spent.
    if (response.status !== 200) return;
    const tokens = (await response.json()) as { access_token: string; refresh_token: string };
    refreshToken = tokens.refresh_token;
    answer.kid = kidOf(tokens.access_token);
    answer.accessToken = tokens.access_token;
    answers.push(await callApi(tokens.access_token));
  }
}

/** The kid of the key the authorization server signs with, as stored. */
async function currentKid(): Promise<string | undefined> {
  return (await database.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } }))?.kid;
}

test("keys:rotate while tokens are issued and used on every instance: nothing fails, and both keys are honoured", async ({ testClient }) => {
  test.setTimeout(90_000);
  const users = await Promise.all([1, 2, 3].map(() => registerTestUser()));
  const sessions = await Promise.all(users.map((user) => signInOverHttp(testClient, user, "photos:read")));
  const oldKid = (await currentKid())!;

  const answers: Answer[] = [];
  const tokensSignedWith = (kid: string) => new Set(answers.filter((answer) => answer.kind === "token" && answer.kid === kid).map((answer) => answer.instance));
  const apiAccepted = (kid: string) =>
    new Set(answers.filter((answer) => answer.kind === "api" && answer.kid === kid && answer.status === 200).map((answer) => answer.instance));
  let running = true;
  const traffic = sessions.map((session) => clientTraffic(testClient, session.tokens.refresh_token!, answers, () => running));
  // Before the rotation, both instances sign with the current key: an earlier test's rotation
  // may still be reaching one of them.
  await expect.poll(() => tokensSignedWith(oldKid).size, { timeout: switchMilliseconds + 5_000 }).toBe(2);

  const rotation = promisify(execFile)("npm", ["run", "--silent", "keys:rotate", "--workspace", "@seven-steps/authorization-server"], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  // The new key counts from the moment it is committed; the script takes a while longer to exit.
  await expect.poll(currentKid, { timeout: 30_000, intervals: [50] }).not.toBe(oldKid);
  const committedAt = Date.now();

  // A token of the old key, issued a moment ago and valid for a few seconds more, is still
  // accepted by both API instances now that its key is retired.
  const oldToken = answers.findLast((answer) => answer.kind === "token" && answer.kid === oldKid)!.accessToken!;
  expect(decodeJwt(oldToken).exp! * 1000, "the old-key token is still valid").toBeGreaterThan(Date.now() + 1_000);
  const oldKeyAnswers: Answer[] = [];
  while (new Set(oldKeyAnswers.map((answer) => answer.instance)).size < 2 && oldKeyAnswers.length < 20) oldKeyAnswers.push(await callApi(oldToken));
  expect(oldKeyAnswers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(new Set(oldKeyAnswers.map((answer) => answer.instance))).toEqual(new Set(instanceAddresses("resourceApi")));

  const { stdout } = await rotation;
  const newKid = /New signing key: (\S+)/.exec(stdout)?.[1];
  expect(newKid).toBe(await currentKid());
  expect(stdout).toContain(`Retired: ${oldKid}`);

  // Both authorization server instances move to the new key; both API instances accept its tokens.
  await expect.poll(() => tokensSignedWith(newKid!).size, { timeout: switchMilliseconds + marginMilliseconds + 5_000 }).toBe(2);
  await expect.poll(() => apiAccepted(newKid!).size, { timeout: 10_000 }).toBe(2);
  running = false;
  await Promise.all(traffic);

  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect([...answers, ...oldKeyAnswers].filter((answer) => answer.kind === "api").length).toBeGreaterThan(20);
  for (const instance of instanceAddresses("authorizationServer")) {
    const issued = answers.filter((answer) => answer.kind === "token" && answer.instance === instance);
    const firstNew = issued.find((answer) => answer.kid === newKid)!;
    expect(firstNew.at - committedAt, `${instance} signed with the new key within the announced delay`).toBeLessThanOrEqual(
      switchMilliseconds + marginMilliseconds,
    );
    const lateOld = issued.filter((answer) => answer.kid === oldKid && answer.at > committedAt + switchMilliseconds + marginMilliseconds);
    expect(lateOld, `${instance} signed nothing more with the old key once the delay was over`).toEqual([]);
  }
  expect(apiAccepted(oldKid)).toEqual(new Set(instanceAddresses("resourceApi")));
  expect(apiAccepted(newKid!)).toEqual(new Set(instanceAddresses("resourceApi")));
});
