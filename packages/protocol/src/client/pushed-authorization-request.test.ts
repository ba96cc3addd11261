import { describe, expect, it } from "vitest";
import { formatRequestUri, referenceOfRequestUri } from "../messages/pushed-authorization.ts";
import {
  buildPushedAuthorizationRequest,
  buildPushedAuthorizationUrl,
  processPushedAuthorizationResponse,
  PushedAuthorizationRequestError,
} from "./pushed-authorization-request.ts";

const request = {
  response_type: "code",
  client_id: "printshop-lab",
  redirect_uri: "http://localhost:3000/lab/callback",
  scope: "profile photos:read",
  state: "xyz",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
} as const;

describe("buildPushedAuthorizationRequest (RFC 9126 §2.1)", () => {
  it("posts the authorization request as a form, client_id included, for a public client", () => {
    const { url, init } = buildPushedAuthorizationRequest("https://as.test/par", request, { method: "none", clientId: "printshop-lab" });
    expect(url).toBe("https://as.test/par");
    expect(init.method).toBe("POST");
    expect(init.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(init.body))).toEqual(request);
  });

  it("keeps client_id in the body beside Basic authentication: it is an authorization request parameter", () => {
    const { init } = buildPushedAuthorizationRequest("https://as.test/par", { ...request, client_id: "kiosk" }, {
      method: "client_secret_basic",
      clientId: "kiosk",
      clientSecret: "s3cret",
    });
    expect(init.headers.authorization).toMatch(/^Basic /);
    const body = new URLSearchParams(init.body);
    expect(body.get("client_id")).toBe("kiosk");
    expect(body.has("client_secret")).toBe(false);
  });
});

describe("processPushedAuthorizationResponse (RFC 9126 §2.2, §2.3)", () => {
  const created = (body: unknown, status = 201) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("returns request_uri and expires_in of a 201", async () => {
    const answer = { request_uri: formatRequestUri("abc"), expires_in: 90 };
    await expect(processPushedAuthorizationResponse(created(answer))).resolves.toEqual(answer);
  });

  it("turns an error into a PushedAuthorizationRequestError with the server's code", async () => {
    const error = await processPushedAuthorizationResponse(created({ error: "invalid_scope", error_description: "no" }, 400)).catch((e) => e);
    expect(error).toBeInstanceOf(PushedAuthorizationRequestError);
    expect(error).toMatchObject({ code: "invalid_scope", description: "no", status: 400 });
  });

  it("refuses a success that is not 201, or lacks request_uri or a positive expires_in", async () => {
    for (const response of [
      created({ request_uri: "urn:x", expires_in: 90 }, 200),
      created({ expires_in: 90 }),
      created({ request_uri: "urn:x", expires_in: "90" }),
      created({ request_uri: "urn:x", expires_in: 0 }),
      new Response("not json", { status: 201 }),
    ]) {
      await expect(processPushedAuthorizationResponse(response)).rejects.toMatchObject({ code: "invalid_response" });
    }
  });
});

describe("buildPushedAuthorizationUrl (RFC 9126 §4)", () => {
  it("carries only client_id and request_uri", () => {
    const url = buildPushedAuthorizationUrl("https://as.test/authorize", { client_id: "printshop-lab", request_uri: formatRequestUri("abc") });
    expect([...url.searchParams]).toEqual([
      ["client_id", "printshop-lab"],
      ["request_uri", "urn:ietf:params:oauth:request_uri:abc"],
    ]);
  });
});

describe("request_uri, encoded and decoded (RFC 9126 §2.2)", () => {
  it("round-trips a reference", () => {
    expect(referenceOfRequestUri(formatRequestUri("Ab-_09"))).toBe("Ab-_09");
  });

  it("finds no reference in another URN, a URL, an empty or an odd reference", () => {
    for (const value of ["urn:example:abc", "https://client.example/request.jwt", "urn:ietf:params:oauth:request_uri:", "urn:ietf:params:oauth:request_uri:a b", `urn:ietf:params:oauth:request_uri:${"a".repeat(129)}`]) {
      expect(referenceOfRequestUri(value)).toBeUndefined();
    }
  });
});
