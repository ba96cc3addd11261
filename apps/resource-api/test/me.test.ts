import { describe, expect, it } from "vitest";
import { GET } from "@/app/me/route";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { apiRequest, noParams, subjectOf, tokenFor } from "./fixtures.ts";

describe("GET /me (scope profile)", () => {
  it("returns the profile of the token's subject", async () => {
    const response = await GET(apiRequest("/me", { token: await tokenFor("alice", "profile") }), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ sub: await subjectOf("alice"), username: "alice", name: "Alice Liddell" });
  });

  it("answers each member with their own profile", async () => {
    const response = await GET(apiRequest("/me", { token: await tokenFor("bob", "profile") }), noParams);
    expect(await response.json()).toMatchObject({ username: "bob", name: "Bob the Builder" });
  });

  it("needs the profile scope", async () => {
    const response = await GET(apiRequest("/me", { token: await tokenFor("alice", "photos:read") }), noParams);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="PhotoCloud API", error="insufficient_scope", error_description="This request needs the scope profile.", scope="profile", resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"',
    );
  });

  it("answers 404 for a subject without a profile, such as a client acting for itself", async () => {
    const token = await fakeAuthorizationServer.issueToken("printshop-reports", "profile");
    const response = await GET(apiRequest("/me", { token }), noParams);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe("not_found");
  });
});
