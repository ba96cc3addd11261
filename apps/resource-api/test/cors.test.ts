// Cross-origin access (the Fetch standard's CORS protocol): only the client app's origin may read
// the API's answers from a browser, including its refusals, so the browser lab can show them.
import { describe, expect, it } from "vitest";
import { OPTIONS as PHOTO_OPTIONS } from "@/app/photos/[id]/route";
import { GET, OPTIONS } from "@/app/photos/route";
import { refusal } from "./assertions.ts";
import { apiRequest, noParams, seededPhotoIds, tokenFor } from "./fixtures.ts";

const clientApp = "http://localhost:3000";

/** A browser's preflight before a cross-origin request with a token and a JSON body. */
function preflightFrom(origin: string, path: string, method: string): Request {
  return apiRequest(path, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization, content-type" },
  });
}

/** A comma-separated header as a list of lower-case names. */
function listOf(response: Response, header: string): string[] {
  return (response.headers.get(header) ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
}

/** The Vary header names Origin, so no cache hands one origin's answer to another. */
function expectVaryOrigin(response: Response): void {
  expect(listOf(response, "vary")).toContain("origin");
}

describe("a preflight from the client app", () => {
  it("allows GET and POST on /photos with the Authorization and Content-Type headers", async () => {
    const response = OPTIONS(preflightFrom(clientApp, "/photos", "POST"));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    expect(listOf(response, "access-control-allow-methods")).toEqual(expect.arrayContaining(["get", "post"]));
    expect(listOf(response, "access-control-allow-headers")).toEqual(expect.arrayContaining(["authorization", "content-type", "dpop"]));
    expectVaryOrigin(response);
  });

  it("allows PATCH and DELETE on /photos/{id}", async () => {
    const response = PHOTO_OPTIONS(preflightFrom(clientApp, `/photos/${seededPhotoIds("alice")[0]}`, "PATCH"));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    expect(listOf(response, "access-control-allow-methods")).toEqual(expect.arrayContaining(["get", "patch", "delete"]));
    expectVaryOrigin(response);
  });
});

describe("another origin", () => {
  // Only the exact origin of the client app: another scheme, host or port is another origin
  // (RFC 6454 §5), and "null" is what sandboxed pages and file: URLs send.
  it.each(["https://evil.example", "http://localhost:3001", "https://localhost:3000", "null"])(
    "gets no CORS permission in a preflight: %s",
    async (origin) => {
      const response = OPTIONS(preflightFrom(origin, "/photos", "POST"));
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-methods")).toBeNull();
      expect(response.headers.get("access-control-allow-headers")).toBeNull();
      expectVaryOrigin(response);
    },
  );

  it("gets no CORS permission on a GET, so its scripts cannot read the answer", async () => {
    const token = await tokenFor("alice", "photos:read");
    const response = await GET(apiRequest("/photos", { token, headers: { origin: "https://evil.example" } }), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-expose-headers")).toBeNull();
    expectVaryOrigin(response);
  });
});

describe("an actual request from the client app", () => {
  it("may read a successful answer, and the WWW-Authenticate header is exposed", async () => {
    const token = await tokenFor("alice", "photos:read");
    const response = await GET(apiRequest("/photos", { token, headers: { origin: clientApp } }), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    expect(listOf(response, "access-control-expose-headers")).toContain("www-authenticate");
    expectVaryOrigin(response);
  });

  it("may read a 401 refusal too, challenge included", async () => {
    const response = await GET(apiRequest("/photos", { headers: { origin: clientApp } }), noParams);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    // A browser hides every response header outside the safelist unless it is exposed.
    expect(listOf(response, "access-control-expose-headers")).toContain("www-authenticate");
    expectVaryOrigin(response);
    expect(await refusal(response)).toMatchObject({ status: 401, challenge: expect.stringMatching(/^Bearer realm="PhotoCloud API", resource_metadata="[^"]+", DPoP /) });
  });

  it("may read a 403 refusal, with the scope it needs", async () => {
    const token = await tokenFor("alice", "profile");
    const response = await GET(apiRequest("/photos", { token, headers: { origin: clientApp } }), noParams);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    expect(listOf(response, "access-control-expose-headers")).toContain("www-authenticate");
    expect((await refusal(response, { token })).status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('scope="photos:read"');
  });
});
