// The database down while the server runs: every request that needs it is answered 503 with
// Retry-After, in its endpoint's format, never a 500; and the same request succeeds once the
// database is back, with nothing restarted. On PostgreSQL the server is stopped and started
// again; on SQLite, which has no server, another process holds the write lock for longer than the
// busy timeout.
import { holdSqliteWriteLock, seededDatabaseOnItsOwnServer, testProvider } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it } from "vitest";

// Stopping the server must not disturb the other test files: on PostgreSQL this file's database
// lives on a server of its own. The app reads DATABASE_URL when its modules are first imported,
// so they are imported once it is set.
const own = testProvider() === "postgresql" ? await seededDatabaseOnItsOwnServer() : undefined;
if (own) process.env.DATABASE_URL = own.url;
afterAll(() => own?.server.stop());

const { GET: jwks } = await import("@/app/jwks/route");
const { POST: signInEndpoint } = await import("@/app/sign-in/password/route");
const { alice, authorizationRequest, authorize, formRequest, pkce, registerClient, registerServiceClient, token } = await import("./fixtures.ts");
const { register } = await import("./registration-fixtures.ts");

const retryAfter = "5";

/** 503, Retry-After, never cached: what every answer says while the database is down. */
function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe(retryAfter);
  expect(response.headers.get("cache-control")).toBe("no-store");
}

/** A JSON endpoint's answer: `temporarily_unavailable` (RFC 6749 §4.1.2.1), with nothing of the failure in it. */
async function expectUnavailableJson(response: Response): Promise<void> {
  expectUnavailable(response);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body).toEqual({ error: "temporarily_unavailable", error_description: "The authorization server cannot answer for a moment. Try again shortly." });
}

/** A page for a person: says so briefly, and shows no internals. */
async function expectUnavailablePage(response: Response): Promise<void> {
  expectUnavailable(response);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain("PhotoCloud Accounts is briefly unavailable");
  expect(html).not.toMatch(/ECONNREFUSED|P1001|57P01|SQLITE_BUSY|at async|\.ts:\d+/);
}

if (testProvider() === "postgresql") describe("with the PostgreSQL server stopped", () => {
  it("answers each endpoint 503 with Retry-After, and the same requests succeed once the server is back", async () => {
    const client = await registerClient();
    const service = await registerServiceClient();
    const { challenge } = await pkce();
    const authorizationQuery = authorizationRequest(client, challenge);
    const requests = {
      token: () => token(service, { grant_type: "client_credentials", scope: "photos:read" }),
      authorize: () => authorize(authorizationQuery),
      signIn: () => signInEndpoint(formRequest("/sign-in/password", { username: alice.username, password: alice.password, return_to: "/" })),
      register: () => register({ client_name: "Kiosk", redirect_uris: ["https://kiosk.example/callback"] }),
      jwks: () => jwks(),
    };

    own!.server.stopServer();
    try {
      await expectUnavailableJson(await requests.token());
      await expectUnavailablePage(await requests.authorize());
      await expectUnavailablePage(await requests.signIn());
      await expectUnavailableJson(await requests.register());
      await expectUnavailableJson(await requests.jwks());
    } finally {
      own!.server.startServer();
    }

    expect((await requests.token()).status).toBe(200);
    const authorization = await requests.authorize();
    expect(authorization.status).toBe(303);
    expect(authorization.headers.get("location")).toMatch(/^\/sign-in\?return_to=/);
    expect((await requests.signIn()).status).toBe(303);
    expect((await requests.register()).status).toBe(201);
    expect((await requests.jwks()).status).toBe(200);
  });
});

if (testProvider() === "sqlite") describe("with the SQLite write lock held by another process", () => {
  it("answers the token endpoint 503 with Retry-After once the busy timeout is over, and succeeds once the lock is released", async () => {
    const service = await registerServiceClient();
    const tokenRequest = () => token(service, { grant_type: "client_credentials", scope: "photos:read" });

    const release = holdSqliteWriteLock(process.env.DATABASE_URL!);
    try {
      await expectUnavailableJson(await tokenRequest());
    } finally {
      release();
    }

    expect((await tokenRequest()).status).toBe(200);
  });
});
