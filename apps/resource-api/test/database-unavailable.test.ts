// The database down while the API runs: a request that needs it is answered 503 with Retry-After
// and `temporarily_unavailable`, never a 500; and the same request succeeds once the database is
// back, with nothing restarted. On PostgreSQL the server is stopped and started again; on SQLite,
// which has no server, another process holds the write lock for longer than the busy timeout.
import { holdSqliteWriteLock, seededDatabaseOnItsOwnServer, testProvider } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it } from "vitest";

// Stopping the server must not disturb the other test files: on PostgreSQL this file's database
// lives on a server of its own. The app reads DATABASE_URL when its modules are first imported,
// so they are imported once it is set.
const own = testProvider() === "postgresql" ? await seededDatabaseOnItsOwnServer() : undefined;
if (own) process.env.DATABASE_URL = own.url;
afterAll(() => own?.server.stop());

const { GET: listPhotos, POST: addPhoto } = await import("@/app/photos/route");
const { GET: me } = await import("@/app/me/route");
const { db } = await import("@/db");
const { apiRequest, noParams, tokenFor } = await import("./fixtures.ts");

const newPhoto = { title: "Harbour at dusk", motif: "sun", palette: "sky" };

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toEqual({
    error: "temporarily_unavailable",
    error_description: "The API cannot reach its photos right now; try again shortly.",
  });
}

if (testProvider() === "postgresql") describe("with the PostgreSQL server stopped", () => {
  it("answers 503 with Retry-After, and the same requests succeed once the server is back", async () => {
    const token = await tokenFor("alice");
    const requests = {
      list: () => listPhotos(apiRequest("/photos", { token }), noParams),
      add: () => addPhoto(apiRequest("/photos", { token, method: "POST", body: newPhoto }), noParams),
      me: () => me(apiRequest("/me", { token }), noParams),
    };

    own!.server.stopServer();
    try {
      await expectUnavailable(await requests.list());
      await expectUnavailable(await requests.add());
      await expectUnavailable(await requests.me());
    } finally {
      own!.server.startServer();
    }

    expect((await requests.list()).status).toBe(200);
    expect((await requests.add()).status).toBe(201);
    expect((await requests.me()).status).toBe(200);
    await db.photo.deleteMany({ where: { title: newPhoto.title } });
  });
});

if (testProvider() === "sqlite") describe("with the SQLite write lock held by another process", () => {
  it("still reads, answers a write 503 with Retry-After once the busy timeout is over, and takes it once the lock is released", async () => {
    const token = await tokenFor("alice");
    const add = () => addPhoto(apiRequest("/photos", { token, method: "POST", body: newPhoto }), noParams);

    const release = holdSqliteWriteLock(process.env.DATABASE_URL!);
    try {
      expect((await listPhotos(apiRequest("/photos", { token }), noParams)).status).toBe(200);
      await expectUnavailable(await add());
    } finally {
      release();
    }

    expect((await add()).status).toBe(201);
    await db.photo.deleteMany({ where: { title: newPhoto.title } });
  });
});
