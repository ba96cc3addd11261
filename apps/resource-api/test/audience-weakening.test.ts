// The audience check (RFC 9068 §4) and the attack lab's switch inside it (attack 8: a token meant
// for Mallory's API, replayed here). The switch opens the check only for a request that names it,
// and only in an API started with ATTACK_LAB_WEAKENING=true; both branches are tested here, through
// the route, as Mallory's replay reaches it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { apiRequest, noParams, subjectOf } from "./fixtures.ts";

const mallorysApi = "http://localhost:3003/api/prints";

/** GET /photos of an API started with this environment. */
async function photosRouteOfApiStartedWith(weakening: "true" | "false") {
  vi.resetModules();
  vi.stubEnv("ATTACK_LAB_WEAKENING", weakening);
  return (await import("@/app/photos/route")).GET;
}

/** A token of alice's, issued for Mallory's API. */
async function tokenForMallorysApi(): Promise<string> {
  return fakeAuthorizationServer.issueToken(await subjectOf("alice"), "photos:read", { claims: { aud: mallorysApi } });
}

const weakenAudience = { "attack-lab-weaken": "audience" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("a token meant for another resource server", () => {
  it("is refused with invalid_token, even when the request asks for the audience check to be off, by an API not started for the lab", async () => {
    const GET = await photosRouteOfApiStartedWith("false");
    const response = await GET(apiRequest("/photos", { token: await tokenForMallorysApi(), headers: weakenAudience }), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "The access token is meant for another resource server." });
  });

  it("is refused by an API started for the lab when the request does not ask", async () => {
    const GET = await photosRouteOfApiStartedWith("true");
    const response = await GET(apiRequest("/photos", { token: await tokenForMallorysApi() }), noParams);
    expect(response.status).toBe(401);
  });

  it("is accepted by an API started for the lab for the one request that switches the audience check off", async () => {
    const GET = await photosRouteOfApiStartedWith("true");
    const token = await tokenForMallorysApi();
    const response = await GET(apiRequest("/photos", { token, headers: weakenAudience }), noParams);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { photos: unknown[] }).photos.length).toBeGreaterThan(0);
    // The same token, next time without the switch: refused again, for the audience is checked at every request.
    const again = await GET(apiRequest("/photos", { token }), noParams);
    expect(again.status).toBe(401);
  });
});
