// Who may see what of the workshop room: the dashboard, its JSON route and the attendees' flows
// are the instructor's alone; the exercises and their JSON route, each attendee's own. Pages are
// rendered as Next.js renders them on the server, with the request's cookie.
import { findFlowId } from "@seven-steps/inspector";
import { readUnverifiedClaims } from "@seven-steps/protocol";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { roomId } from "@/storage/workshop-room";
import { alice, csrfTokenOf, registerClient, signIn } from "./fixtures.ts";
import { createAttendee, createPerson, createRoom, recordedTokens, redeem, recordedCode, type TestAttendee, type TestPerson } from "./workshop-room-fixtures.ts";

const request = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

const { GET: progressRoute } = await import("@/app/workshop/room/progress/route");
const { GET: flowRoute } = await import("@/app/workshop/room/flows/[flowId]/exchanges/route");
const { GET: exercisesProgressRoute } = await import("@/app/workshop/exercises/progress/route");
const { default: RoomPage } = await import("@/app/workshop/room/page");
const { default: FlowPage } = await import("@/app/workshop/room/flows/[flowId]/page");
const { default: ExercisesPage } = await import("@/app/workshop/exercises/page");

const issuer = "http://localhost:3001";

function get(path: string, cookie?: string): Request {
  return new Request(`${issuer}${path}`, { headers: cookie ? { cookie } : {} });
}

const flowParams = (flowId: string) => ({ params: Promise.resolve({ flowId }) });

/** A page, rendered to HTML for the request's cookie; what `notFound()` throws when it answers 404. */
async function render(page: () => Promise<ReactNode>, cookie?: string): Promise<string> {
  request.cookie = cookie;
  return renderToStaticMarkup(await page());
}

async function expectNotFound(page: () => Promise<ReactNode>, cookie?: string): Promise<void> {
  request.cookie = cookie;
  await expect(page()).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
}

async function flowOf(accessToken: string): Promise<string> {
  return (await findFlowId(db, "jti", readUnverifiedClaims(accessToken)!.jti!))!;
}

let instructor: TestPerson;
let attendee: TestAttendee;
let other: TestAttendee;
let instructorCookie: string;
let attendeeCookie: string;
let attendeesFlow: string;
let alicesFlow: string;

beforeAll(async () => {
  instructor = await createPerson("instructor");
  await createRoom(instructor);
  attendee = await createAttendee("Ada Lovelace");
  other = await createAttendee("Other One");
  attendeesFlow = await flowOf((await recordedTokens(attendee.client, attendee)).access_token);
  await redeem(other.client, await recordedCode(other.client, other), "a-wrong-verifier-of-the-right-length-0123456789");
  alicesFlow = await flowOf((await recordedTokens(await registerClient(), alice)).access_token);
  instructorCookie = await signIn(instructor);
  attendeeCookie = await signIn(attendee);
});

afterEach(() => {
  request.cookie = undefined;
});

describe("the room dashboard's JSON route, GET /workshop/room/progress", () => {
  it("gives the instructor every row and the tally, never cached", async () => {
    const response = await progressRoute(get("/workshop/room/progress", instructorCookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { attendees: { displayName: string; cells: { state: string }[] }[]; mistakes: { words: string }[] };
    expect(body.attendees.map((row) => row.displayName)).toEqual(["Ada Lovelace", "Other One"]);
    expect(body.attendees[0]!.cells[2]).toMatchObject({ state: "reached" });
    expect(body.attendees[1]!.cells[2]).toMatchObject({ state: "failed" });
    expect(body.mistakes.map((mistake) => mistake.words)).toEqual(["PKCE: the code_verifier does not match the code_challenge"]);
  });

  it.each([
    ["an attendee", () => attendeeCookie],
    ["a demo user", () => signIn(alice)],
    ["nobody signed in", () => undefined],
  ])("refuses %s with 403", async (_who, cookieOf) => {
    const response = await progressRoute(get("/workshop/room/progress", await cookieOf()));
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ error: "forbidden" });
  });
});

describe("the room dashboard's page, /workshop/room", () => {
  it("shows the instructor the table, the tally and Reset room, which asks first and carries the session's CSRF token", async () => {
    const html = await render(RoomPage, instructorCookie);
    expect(html).toContain("Workshop room");
    expect(html).toContain("Ada Lovelace");
    expect(html).toContain(attendee.client.id);
    expect(html).toContain(`href="/workshop/room/flows/${attendeesFlow}"`);
    expect(html).toContain("Most common mistakes");
    expect(html).toContain("PKCE: the code_verifier does not match the code_challenge");
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Reset room…<\/summary><form [^>]*action="\/workshop\/room\/reset" method="post"/);
    expect(html).toContain(`name="csrf_token" value="${await csrfTokenOf(instructorCookie)}"`);
    expect(html).toMatch(/<input id="confirm-reset" type="checkbox" required="" [^>]*name="confirm" value="reset"/);
  });

  it.each([
    ["an attendee", () => attendeeCookie],
    ["nobody signed in", () => undefined],
  ])("tells %s to sign in as the instructor, and shows nobody's progress", async (_who, cookieOf) => {
    const html = await render(RoomPage, cookieOf());
    expect(html).toContain("Sign in as the instructor");
    expect(html).toContain('href="/sign-in?return_to=%2Fworkshop%2Froom"');
    expect(html).not.toContain("Ada Lovelace");
    expect(html).not.toContain("/workshop/room/reset");
  });
});

describe("an attendee's flow, /workshop/room/flows/<flowId>", () => {
  it("is shown to the instructor in the inspector", async () => {
    const html = await render(() => FlowPage(flowParams(attendeesFlow)), instructorCookie);
    expect(html).toMatch(/<h1[^>]*>How this worked<\/h1>/);
    expect(html).toContain("Ada Lovelace");
    const response = await flowRoute(get(`/workshop/room/flows/${attendeesFlow}/exchanges`, instructorCookie), flowParams(attendeesFlow));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { id: string }).id).toBe(attendeesFlow);
  });

  it("is not found, for the instructor too, when it is not an attendee's: a demo user's, or an unknown one", async () => {
    for (const flowId of [alicesFlow, "no-such-flow"]) {
      await expectNotFound(() => FlowPage(flowParams(flowId)), instructorCookie);
      const response = await flowRoute(get(`/workshop/room/flows/${flowId}/exchanges`, instructorCookie), flowParams(flowId));
      expect(response.status).toBe(404);
    }
  });

  it("is refused to the attendee whose flow it is, and to anyone not signed in", async () => {
    for (const cookie of [attendeeCookie, undefined]) {
      const html = await render(() => FlowPage(flowParams(attendeesFlow)), cookie);
      expect(html).toContain("Sign in as the instructor");
      expect(html).not.toMatch(/<h1[^>]*>How this worked<\/h1>/);
      const response = await flowRoute(get(`/workshop/room/flows/${attendeesFlow}/exchanges`, cookie), flowParams(attendeesFlow));
      expect(response.status).toBe(403);
    }
  });
});

describe("the exercises, /workshop/exercises", () => {
  it("show the attendee their own values and progress, never their secret", async () => {
    const html = await render(ExercisesPage, attendeeCookie);
    expect(html).toContain("Your exercises, Ada Lovelace");
    expect(html).toContain(attendee.client.id);
    expect(html).toContain(attendee.client.redirectUri);
    expect(html).toContain("PASTE YOUR CLIENT SECRET HERE");
    expect(html).not.toContain(attendee.client.secret);
    expect(html).not.toContain(other.client.id);

    const response = await exercisesProgressRoute(get("/workshop/exercises/progress", attendeeCookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { cells } = (await response.json()) as { cells: { state: string }[] };
    expect(cells.map((cell) => cell.state)).toEqual(["not-yet", "not-yet", "reached", "not-yet", "not-yet", "not-yet", "not-yet"]);
  });

  it("are refused to the instructor and to anyone not signed in", async () => {
    for (const cookie of [instructorCookie, undefined]) {
      expect(await render(ExercisesPage, cookie)).toContain("Sign in with the account you got when you joined");
      expect((await exercisesProgressRoute(get("/workshop/exercises/progress", cookie))).status).toBe(403);
    }
  });
});

// Last in the file: deleting the room deletes its attendees with it.
describe("a server that runs no workshop", () => {
  it("answers every workshop page and route with 404", async () => {
    const room = await db.workshopRoom.findUniqueOrThrow({ where: { id: roomId } });
    await db.workshopRoom.delete({ where: { id: roomId } });
    try {
      await expectNotFound(RoomPage, instructorCookie);
      await expectNotFound(ExercisesPage, attendeeCookie);
      await expectNotFound(() => FlowPage(flowParams(attendeesFlow)), instructorCookie);
      for (const response of [
        await progressRoute(get("/workshop/room/progress", instructorCookie)),
        await exercisesProgressRoute(get("/workshop/exercises/progress", attendeeCookie)),
        await flowRoute(get(`/workshop/room/flows/${attendeesFlow}/exchanges`, instructorCookie), flowParams(attendeesFlow)),
      ]) {
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ error: "not_found", error_description: "This server runs no workshop." });
      }
    } finally {
      await db.workshopRoom.create({ data: room });
    }
  });
});
