// Step 0 for the inspector: the API records a call without a token and a fetch of its metadata,
// kept by the browser they came from until a flow that browser starts adopts them
// (packages/inspector/src/discovery.ts).
import { linkKey } from "@seven-steps/inspector";
import { describe, expect, it } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-protected-resource/route";
import { GET as photos } from "@/app/photos/route";
import { db } from "@/db";
import { apiRequest, noParams, tokenFor } from "./fixtures.ts";

const browserHeaders = (userAgent: string) => ({ "user-agent": userAgent, "x-forwarded-for": "203.0.113.7" });

describe("step 0, recorded for the inspector", () => {
  it("records the 401 of a call without a token and the metadata fetch as step 0, gathered by browser", async () => {
    const userAgent = `Lab test ${crypto.randomUUID()}`;
    expect((await photos(apiRequest("/photos", { headers: browserHeaders(userAgent) }), noParams)).status).toBe(401);
    expect((await metadata(apiRequest("/.well-known/oauth-protected-resource", { headers: browserHeaders(userAgent) }))).status).toBe(200);

    const holder = await db.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("browser", `203.0.113.7 ${userAgent}`) } });
    const recorded = await db.protocolExchange.findMany({ where: { flowId: holder.flowId }, orderBy: { createdAt: "asc" } });
    expect(recorded.map((exchange) => [exchange.kind, exchange.steps, exchange.status])).toEqual([
      ["resource-challenge", "0", 401],
      ["resource-metadata", "0", 200],
    ]);
    expect(JSON.parse(recorded[0]!.responseHeaders)).toMatchObject({ "www-authenticate": expect.stringContaining("resource_metadata=") });
    // Waiting for a flow: nobody's yet, so shown to nobody.
    expect((await db.recordedFlow.findUniqueOrThrow({ where: { id: holder.flowId } })).subject).toBeNull();
  });

  it("records a call with a token as steps 6 and 7, not as step 0", async () => {
    const userAgent = `Lab test ${crypto.randomUUID()}`;
    const token = await tokenFor("alice");
    expect((await photos(apiRequest("/photos", { token, headers: browserHeaders(userAgent) }), noParams)).status).toBe(200);
    expect(await db.flowCorrelation.count({ where: { key: linkKey("browser", `203.0.113.7 ${userAgent}`) } })).toBe(0);
  });
});
