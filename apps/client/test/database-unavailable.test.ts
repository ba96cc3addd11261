// PrintShop's database down while it runs: a route that needs it is answered 503 with
// Retry-After, never a 500; and the same request succeeds once the database is back, with nothing
// restarted. On PostgreSQL the server is stopped and started again; on SQLite, which has no
// server, another process holds the write lock for longer than the busy timeout.
import { holdSqliteWriteLock, seededDatabaseOnItsOwnServer, testProvider } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it, vi } from "vitest";

// Who is signed in comes from next-auth's cookie, not from the database: the test says who.
const signedIn = vi.hoisted(() => ({ sid: "" }));
vi.mock("@/auth/session", () => ({
  currentUser: async () => ({ name: "Alice", username: "alice", sid: signedIn.sid, subject: "alice-sub" }),
}));

// Stopping the server must not disturb the other test files: on PostgreSQL this file's database
// lives on a server of its own. The app reads DATABASE_URL when its modules are first imported,
// so they are imported once it is set.
const own = testProvider() === "postgresql" ? await seededDatabaseOnItsOwnServer() : undefined;
if (own) process.env.DATABASE_URL = own.url;
afterAll(() => own?.server.stop());

const { GET: picture } = await import("@/app/photos/[id]/picture/route");
const { GET: flow } = await import("@/app/api/inspector/flows/[flowId]/route");
const { db } = await import("@/db");
const { signedInSession } = await import("./fixtures.ts");

const client = "http://localhost:3000";
const routeParams = <T>(params: T) => ({ params: Promise.resolve(params) });
const pictureRequest = () => picture(new Request(`${client}/photos/p1/picture`), routeParams({ id: "p1" }));
const flowRequest = () => flow(new Request(`${client}/api/inspector/flows/f1`), routeParams({ flowId: "f1" }));

function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("cache-control")).toBe("no-store");
}

if (testProvider() === "postgresql") describe("with the PostgreSQL server stopped", () => {
  it("answers 503 with Retry-After, and the same requests succeed once the server is back", async () => {
    signedIn.sid = await signedInSession();

    own!.server.stopServer();
    try {
      expectUnavailable(await pictureRequest());
      const unavailableFlow = await flowRequest();
      expectUnavailable(unavailableFlow);
      expect(await unavailableFlow.json()).toEqual({
        error: "temporarily_unavailable",
        error_description: "PrintShop cannot answer for a moment. Try again in a few seconds.",
      });
    } finally {
      own!.server.startServer();
    }

    // Past the database: no such flow here, and no such picture at the (fake) PhotoCloud API.
    expect((await flowRequest()).status).toBe(404);
    expect((await pictureRequest()).status).toBe(404);
  });
});

if (testProvider() === "sqlite") describe("with the SQLite write lock held by another process", () => {
  it("answers 503 with Retry-After when the refresh of an expired token cannot store the new one, and keeps the session", async () => {
    const sid = await signedInSession();
    await db.clientSession.update({ where: { id: sid }, data: { accessTokenExpiresAt: new Date(Date.now() - 1_000) } });
    signedIn.sid = sid;

    const release = holdSqliteWriteLock(process.env.DATABASE_URL!);
    try {
      const response = await pictureRequest();
      expectUnavailable(response);
      expect(await response.text()).toBe("PrintShop cannot answer for a moment. Try again in a few seconds.");
    } finally {
      release();
    }
    expect((await db.clientSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toBeNull();
  });
});
