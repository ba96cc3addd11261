import { getDatabase } from "@seven-steps/db";
import { createSeededDatabase } from "@seven-steps/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { findFlow, findFlowId } from "./flows.ts";
import { forgetRecordingsOf } from "./forget.ts";
import { createRecorder, type ExchangeToRecord } from "./recorder.ts";

const database = getDatabase(await createSeededDatabase());
afterAll(() => database.$disconnect());

const authorizationServer = createRecorder({ app: "authorization-server", enabled: true, database });

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

/**
 * A flow of `subject` through `clientId`: its authorization request and token request, which name
 * the client, and the consent between them, which does not.
 */
async function recordFlow(subject: string, clientId: string): Promise<string> {
  const challenge = unique("challenge");
  const code = unique("code");
  const exchange = (overrides: Partial<ExchangeToRecord>): ExchangeToRecord => ({
    kind: "authorization-request",
    steps: [1],
    from: "user",
    to: "authorization-server",
    request: { method: "GET", url: `http://localhost:3001/authorize?client_id=${clientId}`, headers: new Headers() },
    response: new Response(null, { status: 303 }),
    belongsTo: { challenge },
    ...overrides,
  });
  await authorizationServer.record(() => exchange({ startsFlow: true }));
  const consentRequest = { method: "POST", url: "http://localhost:3001/consent/decision", headers: new Headers() };
  await authorizationServer.record(() => exchange({ kind: "consent", steps: [2, 3], request: consentRequest, handsOut: { code }, subject }));
  await authorizationServer.record(() => exchange({ kind: "token", steps: [4, 5], from: "client", belongsTo: { code }, clientId, subject }));
  return (await findFlowId(database, "challenge", challenge))!;
}

describe("forgetting a room's recordings", () => {
  it("deletes the flows of the given users, whole, and every message about the given clients, and nothing else", async () => {
    const [ada, alice] = [unique("ada"), unique("alice")];
    const adasClient = unique("workshop-ada");
    const adasFlow = await recordFlow(ada, adasClient);
    const alicesFlowThroughAdasClient = await recordFlow(alice, adasClient);
    const alicesFlow = await recordFlow(alice, "printshop");
    const before = { exchanges: await database.protocolExchange.count(), flows: await database.recordedFlow.count() };

    const forgotten = await forgetRecordingsOf(database, { subjects: [ada], clientIds: [adasClient] });

    // Ada's flow (3 messages), and the 2 messages of alice's flow that name Ada's client.
    expect(forgotten).toMatchObject({ exchanges: 5, flows: 1 });
    expect(forgotten.correlations).toBeGreaterThan(0);
    expect(await database.protocolExchange.count()).toBe(before.exchanges - 5);
    expect(await database.recordedFlow.count()).toBe(before.flows - 1);
    expect(await database.recordedFlow.findUnique({ where: { id: adasFlow } })).toBeNull();
    expect(await database.flowCorrelation.count({ where: { flowId: adasFlow } })).toBe(0);
    expect((await findFlow(database, alicesFlow, alice))?.exchanges).toHaveLength(3);
    expect((await findFlow(database, alicesFlowThroughAdasClient, alice))?.exchanges.map((exchange) => exchange.kind)).toEqual(["consent"]);
  });

  it("deletes nothing for nobody", async () => {
    const before = await database.protocolExchange.count();
    expect(await forgetRecordingsOf(database, { subjects: [], clientIds: [] })).toEqual({ exchanges: 0, flows: 0, correlations: 0 });
    expect(await database.protocolExchange.count()).toBe(before);
  });
});
