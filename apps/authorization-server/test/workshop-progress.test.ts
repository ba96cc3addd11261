// The room dashboard's progress (src/workshop/progress.ts): each exercise reached, failed with the
// server's answer in plain words, or not yet, from the traffic the apps recorded, each attendee's
// own traffic only; and the tally of the room's mistakes.
import { noteFlowViewed } from "@seven-steps/inspector";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as disconnect } from "@/app/connected-apps/disconnect/route";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { db } from "@/db";
import { roomId } from "@/storage/workshop-room";
import { attendeeProgress, roomProgress, type AttendeeProgress, type Cell } from "@/workshop/progress";
import { alice, authorizationRequest, authorize, csrfTokenOf, formRequest, pkce, registerClient, signIn, token } from "./fixtures.ts";
import {
  createAttendee,
  createPerson,
  createRoom,
  flowOfToken,
  lab,
  printShop,
  recordApiCall,
  recordAttackRun,
  recordedCode,
  recordedTokens,
  redeem,
  type TestAttendee,
} from "./workshop-room-fixtures.ts";

const room = () => db.workshopRoom.findUniqueOrThrow({ where: { id: roomId } });

async function cellsOf(attendee: TestAttendee): Promise<Cell[]> {
  const progress = await attendeeProgress(await room(), attendee.attendeeId);
  return progress!.cells;
}

async function cellOf(attendee: TestAttendee, exercise: number): Promise<Cell> {
  return (await cellsOf(attendee))[exercise - 1]!;
}

beforeAll(async () => {
  await createRoom(await createPerson("instructor"));
});

describe("each exercise, from the attendee's own traffic", () => {
  it("is not yet for an attendee who has done nothing", async () => {
    const attendee = await createAttendee("Newcomer");
    expect((await cellsOf(attendee)).map((cell) => cell.state)).toEqual(Array(7).fill("not-yet"));
  });

  it("1: reached once the attendee signed in through PrintShop and opened the flow in “How this worked”", async () => {
    const attendee = await createAttendee("Ada");
    const tokens = await recordedTokens(printShop, attendee);
    expect(await cellOf(attendee, 1)).toEqual({ state: "not-yet" });

    const flowId = await flowOfToken(tokens.access_token);
    await noteFlowViewed(db, flowId, attendee.id);
    expect(await cellOf(attendee, 1)).toMatchObject({ state: "reached", flowId });
  });

  it("1: failed on a wrong password at PrintShop's sign-in, in plain words, though no user is known yet", async () => {
    const attendee = await createAttendee("Brook");
    const { challenge } = await pkce();
    const request = authorizationRequest(printShop, challenge);
    const returnTo = `/authorize?${new URLSearchParams(request)}`;
    await authorize(request);
    const refused = await passwordEndpoint(formRequest("/sign-in/password", { username: attendee.username, password: "wrong", return_to: returnTo }));
    expect(refused.headers.get("location")).toMatch(/^\/sign-in\?error=invalid/);

    expect(await cellOf(attendee, 1)).toMatchObject({
      state: "failed",
      flowId: expect.any(String),
      failure: { error: null, words: "sign-in: wrong username or password" },
    });
  });

  it("2: reached with an API call of the lab's client about the attendee", async () => {
    const attendee = await createAttendee("Cyd");
    const tokens = await recordedTokens(lab, attendee);
    expect(await cellOf(attendee, 2)).toEqual({ state: "not-yet" });
    await recordApiCall(tokens.access_token);
    expect(await cellOf(attendee, 2)).toMatchObject({ state: "reached", flowId: await flowOfToken(tokens.access_token) });
  });

  it("3, 4 and 5: reached with the own client's token, API call and refresh, each in its flow", async () => {
    const attendee = await createAttendee("Dee");
    const tokens = await recordedTokens(attendee.client, attendee);
    const flowId = await flowOfToken(tokens.access_token);
    expect((await cellsOf(attendee)).slice(2, 5).map((cell) => cell.state)).toEqual(["reached", "not-yet", "not-yet"]);

    await recordApiCall(tokens.access_token);
    const refreshed = await token(attendee.client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(refreshed.status).toBe(200);

    const cells = await cellsOf(attendee);
    for (const exercise of [3, 4, 5]) expect(cells[exercise - 1]).toMatchObject({ state: "reached", flowId });
  });

  it("3: failed on a PKCE mistake, in plain words, until a later token request reaches it", async () => {
    const attendee = await createAttendee("Eve Wrong");
    const issued = await recordedCode(attendee.client, attendee);
    const refused = await redeem(attendee.client, issued, (await pkce()).verifier);
    expect(refused.status).toBe(400);

    expect(await cellOf(attendee, 3)).toMatchObject({
      state: "failed",
      flowId: expect.any(String),
      exchangeId: expect.any(String),
      failure: {
        error: "invalid_grant",
        description: "The code_verifier does not match the code_challenge of the authorization request.",
        words: "PKCE: the code_verifier does not match the code_challenge",
      },
    });

    await recordedTokens(attendee.client, attendee);
    expect(await cellOf(attendee, 3)).toMatchObject({ state: "reached" });
  });

  it("3: failed on a wrong client secret (invalid_client) and on a redirect_uri mismatch", async () => {
    const attendee = await createAttendee("Fay");
    const issued = await recordedCode(attendee.client, attendee);
    await redeem({ ...attendee.client, secret: "not-the-secret" }, issued);
    expect(await cellOf(attendee, 3)).toMatchObject({ state: "failed", failure: { error: "invalid_client", words: expect.stringMatching(/^invalid_client: wrong client secret/) } });

    await token(attendee.client, { grant_type: "authorization_code", code: issued.code, redirect_uri: "http://localhost:4444/callback", code_verifier: issued.verifier });
    expect(await cellOf(attendee, 3)).toMatchObject({
      state: "failed",
      failure: { error: "invalid_grant", words: "redirect_uri mismatch: the token request's redirect_uri differs from the authorization request's" },
    });
  });

  it("4: failed when the API refused the token", async () => {
    const attendee = await createAttendee("Gus");
    const tokens = await recordedTokens(attendee.client, attendee);
    await recordApiCall(tokens.access_token, 401);
    expect(await cellOf(attendee, 4)).toMatchObject({
      state: "failed",
      failure: { error: "invalid_token", words: "the API refused the access token: expired, revoked, or not a token of this server" },
    });
  });

  it("5: failed on a refresh asking for more scope, until a refresh works; a refresh token used twice is then a mistake of the room", async () => {
    const attendee = await createAttendee("Hal");
    const tokens = await recordedTokens(attendee.client, attendee);
    await token(attendee.client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, scope: "photos:write" });
    expect(await cellOf(attendee, 5)).toMatchObject({ state: "failed", failure: { error: "invalid_scope" } });

    // Once reached, it stays reached; a later refused refresh still counts among the room's mistakes.
    await token(attendee.client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(await cellOf(attendee, 5)).toMatchObject({ state: "reached" });
    await token(attendee.client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(await cellOf(attendee, 5)).toMatchObject({ state: "reached" });
    const { mistakes } = await roomProgress(await room());
    expect(mistakes.map((mistake) => mistake.words)).toContain("the refresh token was already used: it rotates, and a reuse revokes the whole grant");
  });

  it("6: reached once the attendee revoked their client at Connected apps", async () => {
    const attendee = await createAttendee("Ivy");
    await recordedTokens(attendee.client, attendee);
    expect(await cellOf(attendee, 6)).toEqual({ state: "not-yet" });
    const cookie = await signIn(attendee);
    const response = await disconnect(
      formRequest("/connected-apps/disconnect", { client_id: attendee.client.id, csrf_token: await csrfTokenOf(cookie) }, { cookie }),
    );
    expect(response.status).toBe(303);
    expect(await cellOf(attendee, 6)).toMatchObject({ state: "reached", flowId: null });
  });

  it("7: reached with a message about the attendee in a flow where Mallory sent one", async () => {
    const attendee = await createAttendee("Jo");
    await recordAttackRun(attendee.id);
    expect(await cellOf(attendee, 7)).toMatchObject({ state: "reached", flowId: expect.any(String) });
    // Mallory's refused messages are no mistake of the attendee's.
    expect((await cellsOf(attendee)).slice(0, 6).every((cell) => cell.state === "not-yet")).toBe(true);
  });
});

describe("the room", () => {
  it("shows each attendee only their own traffic, and ignores the demo users'", async () => {
    const careful = await createAttendee("Careful Kim");
    const clumsy = await createAttendee("Clumsy Lou");
    await recordedTokens(careful.client, careful);
    await redeem(clumsy.client, await recordedCode(clumsy.client, clumsy), (await pkce()).verifier);
    // alice, a demo user, makes the same mistake with a client of her own, and signs in with
    // Kim's client: neither is anyone's in the room.
    const alicesClient = await registerClient();
    await redeem(alicesClient, await recordedCode(alicesClient, alice), (await pkce()).verifier);
    await redeem(careful.client, await recordedCode(careful.client, alice), (await pkce()).verifier);

    expect(await cellOf(careful, 3)).toMatchObject({ state: "reached" });
    expect(await cellOf(clumsy, 3)).toMatchObject({ state: "failed" });

    const progress = await roomProgress(await room());
    const row = (attendee: TestAttendee): AttendeeProgress => progress.attendees.find((each) => each.attendeeId === attendee.attendeeId)!;
    expect(row(careful)).toMatchObject({ displayName: "Careful Kim", username: careful.username, clientId: careful.client.id });
    expect(row(careful).cells[2]).toMatchObject({ state: "reached" });
    expect(row(clumsy).cells[2]).toMatchObject({ state: "failed", failure: { words: "PKCE: the code_verifier does not match the code_challenge" } });
    expect(progress.attendees.map((attendee) => attendee.username)).not.toContain(alice.username);
  });

  it("tallies the room's mistakes, the one the most attendees made first", async () => {
    const { mistakes } = await roomProgress(await room());
    const pkceMistake = mistakes.find((mistake) => mistake.words === "PKCE: the code_verifier does not match the code_challenge");
    // Eve Wrong and Clumsy Lou; alice's two do not count.
    expect(pkceMistake).toEqual({ words: "PKCE: the code_verifier does not match the code_challenge", error: "invalid_grant", times: 2, attendees: 2 });
    expect(mistakes[0]).toEqual(pkceMistake);
    expect(mistakes.map((mistake) => mistake.words)).toContain("sign-in: wrong username or password");
    for (const [earlier, later] of mistakes.slice(1).map((mistake, index) => [mistakes[index]!, mistake] as const)) {
      expect(earlier.attendees > later.attendees || (earlier.attendees === later.attendees && earlier.times >= later.times)).toBe(true);
    }
  });

  it("counts only the traffic since the room began or was reset", async () => {
    const attendee = await createAttendee("Max");
    await recordedTokens(attendee.client, attendee);
    expect(await cellOf(attendee, 3)).toMatchObject({ state: "reached" });
    await db.workshopRoom.update({ where: { id: roomId }, data: { resetAt: new Date(Date.now() + 1000) } });
    try {
      expect(await cellOf(attendee, 3)).toEqual({ state: "not-yet" });
      expect((await roomProgress(await room())).mistakes).toEqual([]);
    } finally {
      await db.workshopRoom.update({ where: { id: roomId }, data: { resetAt: null } });
    }
  });

  it("reads the whole room in the same few queries, whatever its size", async () => {
    const models = [db.workshopAttendee, db.protocolExchange, db.recordedFlow, db.grant, db.client, db.user];
    const queriesFor = async () => {
      const spies = models.flatMap((model) => [vi.spyOn(model, "findMany"), vi.spyOn(model, "findUnique"), vi.spyOn(model, "findFirst")]);
      try {
        const progress = await roomProgress(await room());
        return { attendees: progress.attendees.length, queries: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
      } finally {
        vi.restoreAllMocks();
      }
    };
    const before = await queriesFor();
    for (let index = 0; index < before.attendees; index += 1) {
      const attendee = await createAttendee(`More ${index}`);
      await recordedTokens(attendee.client, attendee);
    }
    const after = await queriesFor();
    expect(after.attendees).toBe(2 * before.attendees);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(7);
  });
});
