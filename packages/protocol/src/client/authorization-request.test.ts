import { describe, expect, it } from "vitest";
import { buildAuthorizationUrl } from "./authorization-request.ts";

const request = {
  response_type: "code",
  client_id: "printshop-lab",
  redirect_uri: "http://localhost:3000/lab/callback",
  scope: "profile photos:read",
  state: "xyz",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
} as const;

describe("buildAuthorizationUrl (RFC 6749 §4.1.1)", () => {
  it("puts every parameter of the request in the query, in order", () => {
    const url = buildAuthorizationUrl("https://as.test/authorize", request);
    expect(url.origin + url.pathname).toBe("https://as.test/authorize");
    expect([...url.searchParams]).toEqual(Object.entries(request));
  });

  it("encodes the query as application/x-www-form-urlencoded: a space is '+', a ':' or '/' is escaped", () => {
    const url = buildAuthorizationUrl("https://as.test/authorize", request);
    expect(url.search).toContain("&scope=profile+photos%3Aread&");
    expect(url.search).toContain("&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Flab%2Fcallback&");
  });

  it("keeps the query the endpoint already has (RFC 6749 §3.1)", () => {
    const url = buildAuthorizationUrl("https://as.test/authorize?tenant=photos", request);
    expect(url.searchParams.get("tenant")).toBe("photos");
    expect(url.searchParams.get("client_id")).toBe("printshop-lab");
  });

  it("sends no parameter twice, even when the endpoint's query names it", () => {
    const url = buildAuthorizationUrl("https://as.test/authorize?client_id=other", request);
    expect(url.searchParams.getAll("client_id")).toEqual(["printshop-lab"]);
  });

  it("leaves out the optional parameters that are undefined", () => {
    const url = buildAuthorizationUrl("https://as.test/authorize", { ...request, state: undefined, redirect_uri: undefined });
    expect(url.searchParams.has("state")).toBe(false);
    expect(url.searchParams.has("redirect_uri")).toBe(false);
  });
});
