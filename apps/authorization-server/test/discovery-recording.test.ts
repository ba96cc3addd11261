// Step 0 for the inspector, at this server: a fetch of its metadata is recorded as step 0 and kept
// by browser. Read alone, it is not adopted by the flow that browser starts next: step 0 is the
// client finding its way from the API (packages/inspector/src/discovery.ts).
import { linkKey } from "@seven-steps/inspector";
import { describe, expect, it } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-authorization-server/route";
import { db } from "@/db";
import { authorizationRequest, issuer, pkce, registerClient } from "./fixtures.ts";
import { GET as authorize } from "@/app/authorize/route";

const browserHeaders = (userAgent: string) => ({ "user-agent": userAgent, "x-forwarded-for": "198.51.100.4" });

describe("step 0, recorded for the inspector", () => {
  it("records a metadata fetch as step 0, and leaves it out of the flow the browser starts next", async () => {
    const userAgent = `Lab test ${crypto.randomUUID()}`;
    const fetched = await metadata(new Request(`${issuer}/.well-known/oauth-authorization-server`, { headers: browserHeaders(userAgent) }));
    expect(fetched.status).toBe(200);

    const holder = await db.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("browser", `198.51.100.4 ${userAgent}`) } });
    const [recorded] = await db.protocolExchange.findMany({ where: { flowId: holder.flowId } });
    expect([recorded?.kind, recorded?.steps, recorded?.fromRole, recorded?.toRole]).toEqual(["authorization-server-metadata", "0", "client", "authorization-server"]);

    const { challenge } = await pkce();
    const query = new URLSearchParams(authorizationRequest(await registerClient(), challenge));
    await authorize(new Request(`${issuer}/authorize?${query}`, { headers: browserHeaders(userAgent) }));
    const started = await db.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("challenge", challenge) } });
    const kinds = (await db.protocolExchange.findMany({ where: { flowId: started.flowId } })).map((exchange) => exchange.kind);
    expect(kinds).toEqual(["authorization-request"]);
  });
});
