import { getDatabase } from "@seven-steps/db";
import { createSeededDatabase } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it, vi } from "vitest";
import { findAttackRun, findFlow, findFlowId } from "./flows.ts";
import { linkKey } from "./fingerprint.ts";
import { chooseFlow, createRecorder, type ExchangeKind, type ExchangeToRecord } from "./recorder.ts";

const database = getDatabase(await createSeededDatabase());
afterAll(() => database.$disconnect());

const authorizationServer = createRecorder({ app: "authorization-server", enabled: true, database });
const resourceServer = createRecorder({ app: "resource-server", enabled: true, database });
const client = createRecorder({ app: "client", enabled: true, database });

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

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

/** The kinds of the messages of a flow, as its user sees them. */
async function kindsIn(flowId: string | null, viewer: string): Promise<string[]> {
  const flow = flowId ? await findFlow(database, flowId, viewer) : null;
  return flow?.exchanges.map((recorded) => recorded.kind) ?? [];
}

describe("the recorder", () => {
  it("starts a flow at step 1 and links the later messages to it by the values they carry", async () => {
    const challenge = unique("challenge");
    const code = unique("code");
    const alice = unique("alice");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true }));
    await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], belongsTo: { challenge }, handsOut: { code }, subject: alice }));
    await client.record(() => exchange({ kind: "callback", steps: [3], to: "client", belongsTo: { code } }));
    await authorizationServer.record(() =>
      exchange({
        kind: "token",
        steps: [4, 5],
        from: "client",
        belongsTo: { code },
        handsOut: { jti: "jti-1", refreshToken: "refresh-1" },
        subject: alice,
        parameters: [["code", code], ["grant_type", "authorization_code"]],
        response: Response.json({ access_token: "eyJ.a.b", refresh_token: "refresh-1-long-value" }),
      }),
    );
    await resourceServer.record(() =>
      exchange({ kind: "resource", steps: [6, 7], from: "client", to: "resource-server", belongsTo: { jti: "jti-1" }, subject: alice }),
    );

    const flowId = await findFlowId(database, "challenge", challenge);
    expect(flowId).toMatch(/^[\w-]{16}$/);
    const flow = await findFlow(database, flowId!, alice);
    expect(flow!.exchanges.map((recorded) => [recorded.kind, recorded.steps, recorded.recordedBy])).toEqual([
      ["authorization-request", [1], "authorization-server"],
      ["consent", [2, 3], "authorization-server"],
      ["callback", [3], "client"],
      ["token", [4, 5], "authorization-server"],
      ["resource", [6, 7], "resource-server"],
    ]);
    const token = flow!.exchanges[3]!;
    expect(token.requestBody).toEqual({ code: "code…", grant_type: "authorization_code" });
    expect(token.responseBody).toEqual({ access_token: "eyJ.a.", refresh_token: "refr…" });
  });

  it("keeps two flows apart", async () => {
    const [first, second] = [unique("first"), unique("second")];
    await authorizationServer.record(() => exchange({ belongsTo: { challenge: first }, startsFlow: true, subject: "someone" }));
    await authorizationServer.record(() => exchange({ belongsTo: { challenge: second }, startsFlow: true, subject: "someone" }));
    const firstFlow = await findFlowId(database, "challenge", first);
    expect(firstFlow).not.toBe(await findFlowId(database, "challenge", second));
    expect(await kindsIn(firstFlow, "someone")).toEqual(["authorization-request"]);
  });

  it("stores codes and refresh tokens only as fingerprints in its links", async () => {
    const challenge = unique("c-fingerprint");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, handsOut: { code: "the-code-in-clear" }, startsFlow: true }));
    const keys = await database.flowCorrelation.findMany();
    expect(keys.some((key) => key.key.includes("the-code-in-clear"))).toBe(false);
    expect(await findFlowId(database, "code", "the-code-in-clear")).toBe(await findFlowId(database, "challenge", challenge));
  });

  it("stores the checks that ran on a request, in order, and gives them back with the flow", async () => {
    const challenge = unique("c-checks");
    const check = { checkedBy: "authorization-server" as const, why: "w", see: "https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1", source: "s.ts" };
    const checks = [
      { ...check, rule: "client_id names a registered client", outcome: "passed" as const },
      { ...check, rule: "a PKCE code_challenge with the S256 method", outcome: "refused" as const, detail: "invalid_request: plain" },
    ];
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, subject: "carol", startsFlow: true, checks }));
    await resourceServer.record(() => exchange({ kind: "resource", belongsTo: { challenge }, subject: "carol" }));

    const flow = await findFlow(database, (await findFlowId(database, "challenge", challenge))!, "carol");
    expect(flow?.exchanges.map((recorded) => recorded.checks)).toEqual([checks, []]);
  });

  it("does not store a message no flow can claim", async () => {
    const before = await database.protocolExchange.count();
    await authorizationServer.record(() => exchange({ kind: "token", belongsTo: { code: "unknown-code" } }));
    await authorizationServer.record(() => exchange({ belongsTo: {}, startsFlow: true }));
    expect(await database.protocolExchange.count()).toBe(before);
  });

  it("records nothing, and describes nothing, when it is switched off", async () => {
    const off = createRecorder({ app: "authorization-server", enabled: false, database });
    const describe = vi.fn(() => exchange({ belongsTo: { challenge: "switched-off" }, startsFlow: true }));
    await off.record(describe);
    expect(describe).not.toHaveBeenCalled();
    expect(await findFlowId(database, "challenge", "switched-off")).toBeNull();
  });

  it("never breaks what it records: a database that fails is logged and swallowed", async () => {
    const broken = createRecorder({ app: "resource-server", enabled: true, database: getDatabase("file:/nonexistent/folder/broken.db") });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(broken.record(() => exchange({ belongsTo: { challenge: "x" }, startsFlow: true }))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith("resource-server: the inspector could not record the authorization-request message:", expect.any(String));
    warn.mockRestore();
  });

  it("never breaks what it records: describing the message may throw, and is logged and swallowed", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const failing = () => {
      throw new URIError("URI malformed");
    };
    await expect(authorizationServer.record(failing)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith("authorization-server: the inspector could not record the protocol message:", "URI malformed");
    warn.mockRestore();
  });

  it("says an unknown flow does not exist, and forgets flows after a day", async () => {
    expect(await findFlow(database, "no-such-flow", "anyone")).toBeNull();
    const challenge = unique("old-flow");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true, subject: "owner" }));
    const flowId = (await findFlowId(database, "challenge", challenge))!;
    expect(await findFlow(database, flowId, "owner")).not.toBeNull();
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await findFlow(database, flowId, "owner", tomorrow)).toBeNull();
  });
});

describe("whose flow it is", () => {
  it("shows a flow to its user only, and a flow nobody has claimed to nobody", async () => {
    const challenge = unique("challenge");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true }));
    const flowId = await findFlowId(database, "challenge", challenge);
    expect(await findFlow(database, flowId!, "alice")).toBeNull();
    expect(await findFlow(database, flowId!, undefined)).toBeNull();

    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { challenge }, subject: "alice" }));

    expect(await kindsIn(flowId, "alice")).toEqual(["authorization-request", "sign-in"]);
    expect(await findFlow(database, flowId!, "bob")).toBeNull();
    expect(await findFlow(database, flowId!, undefined)).toBeNull();
  });

  // The attack of a shared link: Mallory builds an authorization link with a challenge of her
  // choice and signs in with it herself; the victim then signs in through the same link.
  it("starts a flow of its own for another person's sign-in with the same PKCE challenge", async () => {
    const challenge = unique("mallorys-challenge");
    const [aliceCode, malloryCode] = [unique("code"), unique("code")];
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true, subject: "mallory" }));
    await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], belongsTo: { challenge }, handsOut: { code: malloryCode }, subject: "mallory" }));
    const mallorysFlow = await findFlowId(database, "code", malloryCode);

    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { challenge }, subject: "alice" }));
    await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], belongsTo: { challenge }, handsOut: { code: aliceCode }, subject: "alice" }));
    await authorizationServer.record(() =>
      exchange({ kind: "token", steps: [4, 5], belongsTo: { code: aliceCode }, handsOut: { jti: `jti-${aliceCode}` }, subject: "alice" }),
    );
    const alicesFlow = await findFlowId(database, "code", aliceCode);

    expect(alicesFlow).not.toBe(mallorysFlow);
    expect(await kindsIn(mallorysFlow, "mallory")).toEqual(["authorization-request", "consent"]);
    expect(await kindsIn(alicesFlow, "alice")).toEqual(["sign-in", "consent", "token"]);
    expect(await findFlow(database, alicesFlow!, "mallory")).toBeNull();
  });

  it("keeps a message that does not know its user out of a flow of someone else it shares only a challenge with", async () => {
    const challenge = unique("challenge");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true, subject: "mallory" }));
    const mallorysFlow = await findFlowId(database, "challenge", challenge);

    // Alice, not yet signed in, opens the same link, then fails and succeeds at signing in.
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true }));
    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { challenge } }));
    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { challenge }, subject: "alice" }));

    expect(await kindsIn(mallorysFlow, "mallory")).toEqual(["authorization-request"]);
    const alicesFlow = await findFlowId(database, "challenge", challenge);
    expect(await kindsIn(alicesFlow, "alice")).toEqual(["authorization-request", "sign-in", "sign-in"]);
  });

  it("lets exactly one of two users claim a flow nobody has claimed, when both try at once", async () => {
    const challenge = unique("challenge");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true }));
    const flowId = await findFlowId(database, "challenge", challenge);

    await Promise.all(
      ["alice", "bob"].map((subject) =>
        authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { challenge }, subject })),
      ),
    );

    const owner = (await database.recordedFlow.findUniqueOrThrow({ where: { id: flowId! } })).subject;
    expect(["alice", "bob"]).toContain(owner);
    const other = owner === "alice" ? "bob" : "alice";
    expect(await kindsIn(flowId, owner!)).toEqual(["authorization-request", "sign-in"]);
    expect(await findFlow(database, flowId!, other)).toBeNull();
  });
});

describe("step 0 and the flow that follows it (a heuristic: discovery.ts)", () => {
  function discovery(kind: ExchangeKind, browser: string, recorder = resourceServer): Promise<void> {
    return recorder.record(() =>
      exchange({ kind, steps: [0], from: "client", to: "resource-server", belongsTo: { browser }, startsFlow: true, response: new Response(null, { status: 401 }) }),
    );
  }

  it("gives a flow the discovery its browser ran just before step 1, and shows it only to the flow's user", async () => {
    const browser = unique("127.0.0.1 Chromium");
    const alice = unique("alice");
    await discovery("resource-challenge", browser);
    await discovery("resource-metadata", browser);
    await discovery("authorization-server-metadata", browser, authorizationServer);
    const challenge = unique("challenge");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true, adoptsDiscoveryOf: browser, subject: alice }));

    const flowId = await findFlowId(database, "challenge", challenge);
    expect(await kindsIn(flowId, alice)).toEqual(["resource-challenge", "resource-metadata", "authorization-server-metadata", "authorization-request"]);
    expect((await findFlow(database, flowId!, alice))!.exchanges[0]!.steps).toEqual([0]);

    // Adopted once: the next flow from that browser starts without it.
    const next = unique("challenge");
    await authorizationServer.record(() => exchange({ belongsTo: { challenge: next }, startsFlow: true, adoptsDiscoveryOf: browser, subject: alice }));
    expect(await kindsIn(await findFlowId(database, "challenge", next), alice)).toEqual(["authorization-request"]);
  });

  it("leaves another browser's discovery out, and a step-0 message alone is shown to nobody", async () => {
    const browser = unique("127.0.0.1 Firefox");
    const alice = unique("alice");
    await discovery("resource-challenge", browser);
    const challenge = unique("challenge");
    await authorizationServer.record(() =>
      exchange({ belongsTo: { challenge }, startsFlow: true, adoptsDiscoveryOf: unique("127.0.0.1 Safari"), subject: alice }),
    );
    expect(await kindsIn(await findFlowId(database, "challenge", challenge), alice)).toEqual(["authorization-request"]);

    const waiting = await database.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("browser", browser) } });
    expect(await findFlow(database, waiting.flowId, alice)).toBeNull();
  });
});

describe("attack runs (the attack lab)", () => {
  /** The senders and kinds of a run's messages, in order. */
  async function messagesOf(runId: string): Promise<string[]> {
    const flow = await findAttackRun(database, runId);
    return flow?.exchanges.map((recorded) => `${recorded.from} ${recorded.kind}`) ?? [];
  }

  it("gathers a run's messages into one flow, whoever they are about, and apart from the victim's own flow", async () => {
    const [run, challenge, code] = [unique("run"), unique("challenge"), unique("code")];
    // Alice's own sign-in, outside the run: her flow knows her code.
    await authorizationServer.record(() => exchange({ belongsTo: { challenge }, startsFlow: true, subject: "alice" }));
    await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], belongsTo: { challenge }, handsOut: { code }, subject: "alice" }));
    const alicesFlow = await findFlowId(database, "code", code);

    // Mallory redeems the stolen code; alice's browser, pushed by her page, then signs in again.
    await authorizationServer.record(() => exchange({ kind: "token", steps: [4, 5], from: "attacker", belongsTo: { code, attackRun: run } }));
    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], from: "attacker", belongsTo: { challenge, attackRun: run }, subject: "alice" }));
    await authorizationServer.record(() => exchange({ kind: "sign-in", steps: [2], belongsTo: { attackRun: run }, subject: "mallory" }));

    expect(await messagesOf(run)).toEqual(["attacker token", "attacker sign-in", "user sign-in"]);
    expect(await kindsIn(alicesFlow, "alice")).toEqual(["authorization-request", "consent"]);
    expect((await findAttackRun(database, run))!.id).not.toBe(alicesFlow);
  });

  it("starts a run's flow with its first message, whatever step it carries", async () => {
    const run = unique("run");
    await resourceServer.record(() =>
      exchange({ kind: "resource", steps: [6, 7], from: "attacker", to: "resource-server", belongsTo: { attackRun: run }, response: new Response(null, { status: 401 }) }),
    );
    expect(await messagesOf(run)).toEqual(["attacker resource"]);
  });

  it("registers the values a run's messages carry to the run, for the messages without a run that follow", async () => {
    const [run, code] = [unique("run"), unique("code")];
    await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], belongsTo: { attackRun: run }, handsOut: { code }, subject: "mallory" }));
    await client.record(() => exchange({ kind: "callback", steps: [3], from: "attacker", to: "client", belongsTo: { code } }));
    expect(await messagesOf(run)).toEqual(["user consent", "attacker callback"]);
  });

  it("stores one flow for a run whose first messages are recorded at the same moment", async () => {
    const run = unique("run");
    await Promise.all(
      [authorizationServer, resourceServer].map((recorder) => recorder.record(() => exchange({ from: "attacker", belongsTo: { attackRun: run } }))),
    );
    expect(await messagesOf(run)).toEqual(["attacker authorization-request", "attacker authorization-request"]);
  });

  it("knows no unknown run, and forgets a run after a day", async () => {
    expect(await findAttackRun(database, unique("no-such-run"))).toBeNull();
    const run = unique("run");
    await authorizationServer.record(() => exchange({ from: "attacker", belongsTo: { attackRun: run } }));
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await findAttackRun(database, run, tomorrow)).toBeNull();
  });
});

describe("chooseFlow", () => {
  const flow = (flowId: string, subject: string | null, bySecret = false) => ({ flowId, subject, bySecret });

  it.each([
    { case: "its own user's flow", candidates: [flow("b", "bob"), flow("a", "alice")], subject: "alice", choice: { join: "a", claim: false } },
    { case: "a flow nobody has claimed, claiming it", candidates: [flow("b", "bob"), flow("n", null)], subject: "alice", choice: { join: "n", claim: true } },
    { case: "a flow of its own when all belong to others", candidates: [flow("b", "bob", true)], subject: "alice", choice: "start" },
    { case: "the flow of a secret link, not knowing its user", candidates: [flow("n", null), flow("b", "bob", true)], subject: undefined, choice: { join: "b", claim: false } },
    { case: "nothing, linked only by a challenge to someone's flow", candidates: [flow("b", "bob")], subject: undefined, choice: "none" },
  ])("an exchange joins $case", ({ candidates, subject, choice }) => {
    expect(chooseFlow(candidates, subject, false)).toEqual(choice);
  });

  it("starts a flow at step 1 when there is none to join", () => {
    expect(chooseFlow([], undefined, true)).toBe("start");
    expect(chooseFlow([flow("b", "bob")], undefined, true)).toBe("start");
    expect(chooseFlow([], undefined, false)).toBe("none");
  });
});
