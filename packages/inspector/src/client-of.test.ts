import { describe, expect, it } from "vitest";
import { clientIdOf } from "./client-of.ts";

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "ES256", typ: "at+jwt" })}.${part(claims)}.signature`;
}

describe("clientIdOf: the client a recorded request is about", () => {
  it("reads the client_id parameter of a form before anything else", () => {
    const headers = new Headers({ authorization: `Basic ${Buffer.from("other:secret").toString("base64")}` });
    expect(clientIdOf("http://as.test/token", headers, [["client_id", "ada-client"]])).toBe("ada-client");
  });

  it("reads the client_id of an authorization request's query", () => {
    expect(clientIdOf("http://as.test/authorize?response_type=code&client_id=printshop", new Headers())).toBe("printshop");
  });

  it("reads the user of Basic authentication, form-decoded (RFC 6749 §2.3.1)", () => {
    const headers = new Headers({ authorization: `Basic ${Buffer.from("workshop%20ada:s3cret").toString("base64")}` });
    expect(clientIdOf("http://as.test/token", headers)).toBe("workshop ada");
  });

  it("reads the client_id claim of a presented access token, without verifying it", () => {
    const headers = new Headers({ authorization: `Bearer ${unsignedToken({ sub: "u1", client_id: "ada-client", jti: "j1" })}` });
    expect(clientIdOf("http://api.test/photos", headers)).toBe("ada-client");
  });

  it("is undefined when the request names no client", () => {
    expect(clientIdOf("http://api.test/photos", new Headers({ authorization: "Basic !!!" }))).toBeUndefined();
  });
});
