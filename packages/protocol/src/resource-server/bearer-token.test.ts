import { describe, expect, it } from "vitest";
import { bearerChallenge, readBearerToken } from "./bearer-token.ts";
import { InvalidBearerRequest } from "./errors.ts";

function request(headers: Record<string, string> = {}, url = "http://api.test/photos", body?: string): Request {
  return new Request(url, { method: body === undefined ? "GET" : "POST", headers, body });
}

describe("readBearerToken (RFC 6750 §2.1)", () => {
  it("reads the token from an Authorization: Bearer header", async () => {
    expect(await readBearerToken(request({ authorization: "Bearer abc.def-ghi_jkl~m+n/o==" }))).toBe("abc.def-ghi_jkl~m+n/o==");
  });

  it.each(["bearer", "BEARER", "BeArEr"])("accepts the scheme name in any case: %s", async (scheme) => {
    expect(await readBearerToken(request({ authorization: `${scheme} token` }))).toBe("token");
  });

  it("finds no credentials without a header, or with another scheme", async () => {
    expect(await readBearerToken(request())).toBeNull();
    expect(await readBearerToken(request({ authorization: "Basic dXNlcjpwYXNz" }))).toBeNull();
  });

  it.each([
    ["no token", "Bearer"],
    ["two tokens", "Bearer a b"],
    ["a character outside b64token", "Bearer a,b"],
    ["padding in the middle", "Bearer a=b"],
  ])("refuses a malformed header: %s", async (_label, authorization) => {
    await expect(readBearerToken(request({ authorization }))).rejects.toBeInstanceOf(InvalidBearerRequest);
  });

  it("refuses a token in the query string (RFC 6750 §2.3)", async () => {
    await expect(readBearerToken(request({}, "http://api.test/photos?access_token=abc"))).rejects.toThrow(/URLs are refused/);
  });

  it("refuses a token in a form body (RFC 6750 §2.2)", async () => {
    const form = request({ "content-type": "application/x-www-form-urlencoded" }, "http://api.test/photos", "access_token=abc");
    await expect(readBearerToken(form)).rejects.toThrow(/form body are refused/);
  });
});

describe("bearerChallenge (RFC 6750 §3)", () => {
  it("names only the realm when the request had no credentials", () => {
    expect(bearerChallenge("PhotoCloud API")).toBe('Bearer realm="PhotoCloud API"');
  });

  it("adds the error, its description and the scope needed", () => {
    expect(
      bearerChallenge("PhotoCloud API", {
        code: "insufficient_scope",
        description: "This request needs the scope photos:write.",
        scope: ["photos:write"],
      }),
    ).toBe(
      'Bearer realm="PhotoCloud API", error="insufficient_scope", error_description="This request needs the scope photos:write.", scope="photos:write"',
    );
  });

  it("says where the resource's metadata is, with or without an error (RFC 9728 §5.1)", () => {
    const resourceMetadata = "http://localhost:3002/.well-known/oauth-protected-resource";
    expect(bearerChallenge("PhotoCloud API", undefined, { resourceMetadata })).toBe(
      `Bearer realm="PhotoCloud API", resource_metadata="${resourceMetadata}"`,
    );
    expect(bearerChallenge("PhotoCloud API", { code: "invalid_token", description: "Expired." }, { resourceMetadata })).toBe(
      `Bearer realm="PhotoCloud API", error="invalid_token", error_description="Expired.", resource_metadata="${resourceMetadata}"`,
    );
  });
});
