// The dashboard's Reset room: POST /workshop/room/reset, instructor only, which deletes every
// attendee's account and client with all they hold, and nothing else, and sets a new code.
import { demoClient, demoLabClient, demoResourceServerClient, demoUsers, demoWeakClient } from "@seven-steps/db/demo-data";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { POST as resetEndpoint } from "@/app/workshop/room/reset/route";
import { db } from "@/db";
import { findSignedInUser } from "@/session/session";
import { takeResetReport, type ResetReport } from "@/workshop/credentials";
import { codeMessages } from "@/workshop/join";
import { resetCountsInWords } from "@/workshop/reset";
import { workshopCodeHash } from "@/workshop/workshop-code";
import {
  alice,
  authorizationRequest,
  csrfTokenOf,
  formRequest,
  issuer,
  obtainRecordedCode,
  obtainTokens,
  pkce,
  pushAuthorizationRequest,
  registerClient,
  signIn,
  token,
  type TestClient,
} from "./fixtures.ts";
import {
  accountOf,
  clientOf,
  expectRefusedOnForm,
  getJoinPage,
  instructor,
  join,
  joinForm,
  postJoin,
  roomCode,
  setUpTestRoom,
  type Attendee,
} from "./workshop-fixtures.ts";

beforeAll(setUpTestRoom);

/** POSTs the reset form as the dashboard does: the session's CSRF token, confirmed, from this server's page. */
async function postReset(
  cookie: string | undefined,
  fields: Record<string, string> = {},
  { origin = issuer }: { origin?: string } = {},
): Promise<Response> {
  const csrf_token = cookie ? await csrfTokenOf(cookie).catch(() => "no session") : "no session";
  return resetEndpoint(formRequest("/workshop/room/reset", { csrf_token, confirm: "reset", new_code: "", ...fields }, { cookie, origin }));
}

/** A 303 to the one-time report page; returns the report, as that page takes it. */
async function expectReport(response: Response): Promise<ResetReport> {
  expect(response.status).toBe(303);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const id = /^\/workshop\/room\/reset\/([A-Za-z0-9_-]{43})$/.exec(response.headers.get("location") ?? "")?.[1];
  const report = id === undefined ? undefined : await takeResetReport(id);
  if (!report) throw new Error("the reset showed no report");
  expect(await takeResetReport(id!)).toBeUndefined();
  return report;
}

/** Signs in from an address of the test's choosing, as the sign-in form does. */
function signInFrom(user: { username: string; password: string }, address: string): Promise<Response> {
  return passwordEndpoint(formRequest("/sign-in/password", { ...user, return_to: "/" }, { headers: { "x-forwarded-for": address } }));
}

/** The rows a reset must delete, each kind found by its own query, and the totals. */
async function snapshot(attendees: Attendee[]) {
  const users = await db.user.findMany({ where: { username: { in: attendees.map((attendee) => attendee.username) } } });
  const userIds = users.map((user) => user.id);
  const clientIds = attendees.map((attendee) => attendee.client_id);
  const ofTheirs = { OR: [{ userId: { in: userIds } }, { clientId: { in: clientIds } }] };
  const grantIds = (await db.grant.findMany({ where: ofTheirs })).map((grant) => grant.id);
  const theirFlows = (await db.recordedFlow.findMany({ where: { subject: { in: userIds } } })).map((flow) => flow.id);
  const theirs = {
    attendees: await db.workshopAttendee.count(),
    accounts: userIds.length,
    clients: await db.client.count({ where: { id: { in: clientIds } } }),
    redirectUris: await db.clientRedirectUri.count({ where: { clientId: { in: clientIds } } }),
    sessions: await db.session.count({ where: { userId: { in: userIds } } }),
    consents: await db.consent.count({ where: ofTheirs }),
    authorizationCodes: await db.authorizationCode.count({ where: ofTheirs }),
    grants: grantIds.length,
    refreshTokens: await db.refreshToken.count({ where: { grantId: { in: grantIds } } }),
    accessTokens: await db.accessToken.count({ where: { grantId: { in: grantIds } } }),
    pushedAuthorizationRequests: await db.pushedAuthorizationRequest.count({ where: { clientId: { in: clientIds } } }),
    throttles: await db.throttle.count({
      where: { OR: [...attendees.map(({ username }) => ({ key: { startsWith: `sign-in:${username}` } })), ...clientIds.map((id) => ({ key: { startsWith: `client-auth:${id}@` } }))] },
    }),
    recordedExchanges: await db.protocolExchange.count({
      where: { OR: [{ flowId: { in: theirFlows } }, { subject: { in: userIds } }, { clientId: { in: clientIds } }] },
    }),
    recordedFlows: theirFlows.length,
    flowCorrelations: await db.flowCorrelation.count({ where: { flowId: { in: theirFlows } } }),
    profiles: await db.profile.count({ where: { sub: { in: userIds } } }),
    photos: await db.photo.count({ where: { ownerSub: { in: userIds } } }),
  };
  const totals = {
    attendees: await db.workshopAttendee.count(),
    accounts: await db.user.count(),
    clients: await db.client.count(),
    redirectUris: await db.clientRedirectUri.count(),
    sessions: await db.session.count(),
    consents: await db.consent.count(),
    authorizationCodes: await db.authorizationCode.count(),
    grants: await db.grant.count(),
    refreshTokens: await db.refreshToken.count(),
    accessTokens: await db.accessToken.count(),
    pushedAuthorizationRequests: await db.pushedAuthorizationRequest.count(),
    throttles: await db.throttle.count(),
    recordedExchanges: await db.protocolExchange.count(),
    recordedFlows: await db.recordedFlow.count(),
    flowCorrelations: await db.flowCorrelation.count(),
    profiles: await db.profile.count(),
    photos: await db.photo.count(),
  };
  return { theirs, totals };
}

describe("resetting the room", () => {
  let ada: Attendee;
  let grace: Attendee;
  let adasTokens: Awaited<ReturnType<typeof obtainTokens>>;
  let othersClient: TestClient;
  let alicesTokens: Awaited<ReturnType<typeof obtainTokens>>;
  let report: ResetReport;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    [ada, grace] = [await join("Ada Lovelace"), await join("Grace Hopper")];
    // Ada's own flow, recorded, with a refresh; alice tries Ada's client; Grace uses another client.
    adasTokens = await obtainTokens(clientOf(ada), { user: accountOf(ada) });
    expect((await token(clientOf(ada), { grant_type: "refresh_token", refresh_token: adasTokens.refresh_token! })).status).toBe(200);
    const recorded = await obtainRecordedCode(clientOf(ada), accountOf(ada));
    await token(clientOf(ada), { grant_type: "authorization_code", code: recorded.code, redirect_uri: ada.redirect_uri, code_verifier: recorded.verifier });
    await obtainTokens(clientOf(ada), { user: alice });
    othersClient = await registerClient({ redirectUris: ["https://kiosk.example/callback"] });
    await obtainTokens(othersClient, { user: accountOf(grace) });
    expect((await pushAuthorizationRequest(clientOf(grace), authorizationRequest(clientOf(grace), (await pkce()).challenge))).status).toBe(201);
    // Failure counters of theirs, and of alice.
    await signInFrom({ username: ada.username, password: "wrong" }, "203.0.113.1");
    await token({ ...clientOf(grace), secret: "not grace's secret" }, { grant_type: "refresh_token", refresh_token: "x" });
    await signInFrom({ username: alice.username, password: "wrong" }, "203.0.113.1");
    // What must stay: alice's own flow through another client, recorded.
    alicesTokens = await obtainTokens(othersClient);
    const alicesRecorded = await obtainRecordedCode(othersClient);
    await token(othersClient, { grant_type: "authorization_code", code: alicesRecorded.code, redirect_uri: othersClient.redirectUri, code_verifier: alicesRecorded.verifier });

    const instructorsSession = await signIn(instructor);
    before = await snapshot([ada, grace]);
    report = await expectReport(await postReset(instructorsSession, { new_code: "After-The-Break" }));
  });

  it("deletes exactly the attendees' rows of every kind, and says how many", async () => {
    expect(report.counts).toEqual(before.theirs);
    // Every kind this scenario touches was there to delete.
    for (const kind of ["accounts", "sessions", "consents", "authorizationCodes", "grants", "refreshTokens", "accessTokens", "throttles", "recordedExchanges", "recordedFlows", "flowCorrelations", "pushedAuthorizationRequests", "photos"] as const) {
      expect(report.counts[kind], kind).toBeGreaterThan(0);
    }
    expect(report.counts).toMatchObject({ attendees: 2, accounts: 2, clients: 2, redirectUris: 2, profiles: 2, photos: 6 });
    const after = await snapshot([ada, grace]);
    for (const kind of Object.keys(before.totals) as (keyof typeof before.totals)[]) {
      expect(after.totals[kind], kind).toBe(before.totals[kind] - before.theirs[kind]);
      expect(after.theirs[kind], kind).toBe(0);
    }
  });

  it("leaves the instructor, the demo users and clients, and alice's own grant and recordings", async () => {
    for (const { username } of [...demoUsers, instructor]) expect(await db.user.count({ where: { username } }), username).toBe(1);
    for (const { id } of [demoClient, demoLabClient, demoWeakClient, demoResourceServerClient, othersClient]) {
      expect(await db.client.count({ where: { id } }), id).toBe(1);
    }
    const aliceId = (await db.user.findUniqueOrThrow({ where: { username: alice.username } })).id;
    expect(await db.grant.count({ where: { userId: aliceId, clientId: othersClient.id, revokedAt: null } })).toBe(2);
    expect(await db.recordedFlow.count({ where: { subject: aliceId } })).toBeGreaterThan(0);
    expect(await db.profile.count({ where: { sub: aliceId } })).toBe(1);
    expect(await db.throttle.count({ where: { key: { startsWith: "sign-in:alice" } } })).toBeGreaterThan(0);
    expect((await token(othersClient, { grant_type: "refresh_token", refresh_token: alicesTokens.refresh_token! })).status).toBe(200);
  });

  it("sets the new code, in any case, and says when the room was reset", async () => {
    const room = await db.workshopRoom.findUniqueOrThrow({ where: { id: "room" } });
    expect(room.codeHash).toBe(workshopCodeHash("after-the-break"));
    expect(room.resetAt).toBeInstanceOf(Date);
    expect(report).toMatchObject({ code: "After-The-Break", joinUrl: "http://localhost:3001/workshop/join?code=After-The-Break" });
    expect(resetCountsInWords(report.counts)).toContain("2 accounts");
  });

  it("makes the old credentials fail: the password, the session, the client secret and the refresh token", async () => {
    const signInWithOldPassword = await signInFrom(accountOf(ada), "203.0.113.2");
    expect(signInWithOldPassword.status).toBe(303);
    expect(signInWithOldPassword.headers.get("location")).toMatch(/^\/sign-in\?error=invalid/);
    expect(await findSignedInUser(ada.cookie)).toBeNull();

    const refresh = await token(clientOf(ada), { grant_type: "refresh_token", refresh_token: adasTokens.refresh_token! });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toEqual({ error: "invalid_client", error_description: "Client authentication failed: unknown client or wrong secret." });
  });

  it("makes the old join link and the old code fail with a plain message, and lets the room join again with the new one", async () => {
    await expectRefusedOnForm(await getJoinPage(`?code=${roomCode}`), "code", codeMessages.wrongAfterReset);
    await expectRefusedOnForm(await postJoin(joinForm("Ada Lovelace")), "code", codeMessages.wrongAfterReset);

    const again = await join("Ada Lovelace", { code: "after-the-break" });
    expect(again).toMatchObject({ username: "ada-lovelace", client_id: "workshop-ada-lovelace" });
    expect(again.client_secret).not.toBe(ada.client_secret);
  });
});

describe("a reset that is refused deletes nothing", () => {
  async function expectRefusedReset(response: Response, status: number, message: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
  }

  it.each([
    ["nobody signed in", async () => postReset(undefined), 403, "Only the instructor may reset the room"],
    ["an attendee", async (attendee: Attendee) => postReset(attendee.cookie), 403, "Only the instructor"],
    ["alice", async () => postReset(await signIn(alice)), 403, "Only the instructor"],
    ["another site", async () => postReset(await signIn(instructor), {}, { origin: "https://evil.example" }), 403, "sent from another site"],
    ["no CSRF token", async () => postReset(await signIn(instructor), { csrf_token: "" }), 403, "has expired or did not come from this site"],
    ["another session's CSRF token", async () => postReset(await signIn(instructor), { csrf_token: await csrfTokenOf(await signIn(instructor)) }), 403, "has expired"],
    ["no confirmation", async () => postReset(await signIn(instructor), { confirm: "" }), 400, "confirm the reset first"],
    ["another confirmation", async () => postReset(await signIn(instructor), { confirm: "yes" }), 400, "confirm the reset first"],
    ["a new code that breaks the rule", async () => postReset(await signIn(instructor), { new_code: "no spaces" }), 400, "A workshop code is 4 to 64 letters"],
  ])("for %s", async (_, send: (attendee: Attendee) => Promise<Response>, status, message) => {
    await setUpTestRoom();
    const attendee = await join(`Stays ${crypto.randomUUID().slice(0, 8)}`);
    const attendees = await db.workshopAttendee.count();
    const { codeHash } = await db.workshopRoom.findUniqueOrThrow({ where: { id: "room" } });

    await expectRefusedReset(await send(attendee), status, message);

    expect(await db.workshopAttendee.count()).toBe(attendees);
    expect((await db.workshopRoom.findUniqueOrThrow({ where: { id: "room" } })).codeHash).toBe(codeHash);
    expect(await findSignedInUser(attendee.cookie)).not.toBeNull();
  });

  it("generates a code when none is given", async () => {
    await setUpTestRoom();

    const report = await expectReport(await postReset(await signIn(instructor)));

    expect(report.code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await db.workshopRoom.findUniqueOrThrow({ where: { id: "room" } })).codeHash).toBe(workshopCodeHash(report.code));
    expect(await db.workshopAttendee.count()).toBe(0);
  });
});
