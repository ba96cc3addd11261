import { getDatabase } from "@seven-steps/db";
import { createSeededDatabase } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it, vi } from "vitest";
import { findFlow, findFlowId } from "./flows.ts";
import { createRecorder, type ExchangeToRecord } from "./recorder.ts";

const database = getDatabase(createSeededDatabase());
afterAll(() => database.$disconnect());

const authorizationServer = createRecorder({ app: "authorization-server", enabled: true, database });
const resourceServer = createRecorder({ app: "resource-server", enabled: true, database });

function exchange(overrides: Partial<ExchangeToRecord>): ExchangeToRecord {
  return {
    kind: "authorization-request",
    steps: [1],
    from: "user",
    to: "authorization-server",
    request: { method: "GET", url: "http://localhost:3001/authorize?code_challenge=abc", headers: new Headers() },
    response: new Response(null, { status: 303, headers: { location: "/sign-in" } }),
    belongsTo: {},
    ...overrides,
  };
}

describe("the recorder", () => {
  it("starts a flow at step 1 and links the later messages to it by the values they carry", async () => {
    const challenge = `challenge-${crypto.randomUUID()}`;
    const code = `code-${crypto.randomUUID()}`;
    await authorizationServer.record(exchange({ belongsTo: { challenge }, startsFlow: true }));
    await authorizationServer.record(exchange({ kind: "consent", steps: [2, 3], belongsTo: { challenge }, handsOut: { code } }));
    await authorizationServer.record(
      exchange({
        kind: "token",
        steps: [4, 5],
        from: "client",
        belongsTo: { code },
        handsOut: { jti: "jti-1", refreshToken: "refresh-1" },
        parameters: [["code", code], ["grant_type", "authorization_code"]],
        response: Response.json({ access_token: "eyJ.a.b", refresh_token: "refresh-1-long-value" }),
      }),
    );
    await resourceServer.record(exchange({ kind: "resource", steps: [6, 7], from: "client", to: "resource-server", belongsTo: { jti: "jti-1" } }));

    const flowId = await findFlowId(database, "challenge", challenge);
    expect(flowId).toMatch(/^[\w-]{16}$/);
    const flow = await findFlow(database, flowId!);
    expect(flow!.exchanges.map((recorded) => [recorded.kind, recorded.steps, recorded.recordedBy])).toEqual([
      ["authorization-request", [1], "authorization-server"],
      ["consent", [2, 3], "authorization-server"],
      ["token", [4, 5], "authorization-server"],
      ["resource", [6, 7], "resource-server"],
    ]);
    const token = flow!.exchanges[2]!;
    expect(token.requestBody).toEqual({ code: "code…", grant_type: "authorization_code" });
    expect(token.responseBody).toEqual({ access_token: "eyJ.a.b", refresh_token: "refr…" });
  });

  it("keeps two flows apart", async () => {
    await authorizationServer.record(exchange({ belongsTo: { challenge: "first-challenge" }, startsFlow: true }));
    await authorizationServer.record(exchange({ belongsTo: { challenge: "second-challenge" }, startsFlow: true }));
    const first = await findFlowId(database, "challenge", "first-challenge");
    const second = await findFlowId(database, "challenge", "second-challenge");
    expect(first).not.toBe(second);
    expect((await findFlow(database, first!))!.exchanges).toHaveLength(1);
  });

  it("stores codes and refresh tokens only as fingerprints in its links", async () => {
    await authorizationServer.record(exchange({ belongsTo: { challenge: "c-fingerprint" }, handsOut: { code: "the-code-in-clear" }, startsFlow: true }));
    const keys = await database.flowCorrelation.findMany();
    expect(keys.some((key) => key.key.includes("the-code-in-clear"))).toBe(false);
    expect(await findFlowId(database, "code", "the-code-in-clear")).toBe(await findFlowId(database, "challenge", "c-fingerprint"));
  });

  it("does not store a message no flow can claim", async () => {
    const before = await database.protocolExchange.count();
    await authorizationServer.record(exchange({ kind: "token", belongsTo: { code: "unknown-code" } }));
    expect(await database.protocolExchange.count()).toBe(before);
  });

  it("records nothing when it is switched off", async () => {
    const off = createRecorder({ app: "authorization-server", enabled: false, database });
    await off.record(exchange({ belongsTo: { challenge: "switched-off" }, startsFlow: true }));
    expect(await findFlowId(database, "challenge", "switched-off")).toBeNull();
  });

  it("never breaks what it records: a failure is logged and swallowed", async () => {
    const broken = createRecorder({ app: "resource-server", enabled: true, database: getDatabase("file:/nonexistent/folder/broken.db") });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(broken.record(exchange({ belongsTo: { challenge: "x" }, startsFlow: true }))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith("resource-server: the inspector could not record the authorization-request message:", expect.any(String));
    warn.mockRestore();
  });

  it("says an unknown flow does not exist, and forgets flows after a day", async () => {
    expect(await findFlow(database, "no-such-flow")).toBeNull();
    await authorizationServer.record(exchange({ belongsTo: { challenge: "old-flow" }, startsFlow: true }));
    const flowId = (await findFlowId(database, "challenge", "old-flow"))!;
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await findFlow(database, flowId, tomorrow)).toBeNull();
  });
});
