import { describe, expect, it } from "vitest";
import { buildTokenRequest, processTokenResponse, TokenEndpointError } from "./token-request.ts";

describe("buildTokenRequest", () => {
  it("puts client_secret_basic credentials, form-urlencoded first, in the Authorization header (RFC 6749 §2.3.1)", () => {
    const { init } = buildTokenRequest(
      "https://as.test/token",
      { grant_type: "refresh_token", refresh_token: "rt" },
      { method: "client_secret_basic", clientId: "print shop", clientSecret: "s:e%c" },
    );
    expect(init.headers.authorization).toBe(`Basic ${btoa("print+shop:s%3Ae%25c")}`);
    expect(new URLSearchParams(init.body).has("client_id")).toBe(false);
    expect(init.body).toBe("grant_type=refresh_token&refresh_token=rt");
  });

  it("puts client_secret_post credentials in the body", () => {
    const { init } = buildTokenRequest(
      "https://as.test/token",
      { grant_type: "client_credentials", scope: "photos:read" },
      { method: "client_secret_post", clientId: "reports", clientSecret: "secret" },
    );
    expect(init.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(init.body))).toEqual({
      grant_type: "client_credentials",
      scope: "photos:read",
      client_id: "reports",
      client_secret: "secret",
    });
  });

  it("sends only the client_id for a public client, and leaves out absent parameters", () => {
    const { init } = buildTokenRequest(
      "https://as.test/token",
      { grant_type: "authorization_code", code: "c", code_verifier: "v", redirect_uri: undefined },
      { method: "none", clientId: "lab" },
    );
    expect(Object.fromEntries(new URLSearchParams(init.body))).toEqual({
      grant_type: "authorization_code",
      code: "c",
      code_verifier: "v",
      client_id: "lab",
    });
  });
});

describe("processTokenResponse", () => {
  it("returns a Bearer token response", async () => {
    const body = { access_token: "at", token_type: "Bearer", expires_in: 600, scope: "profile" };
    expect(await processTokenResponse(Response.json(body))).toEqual(body);
  });

  it("turns an RFC 6749 §5.2 error into a TokenEndpointError", async () => {
    const response = Response.json({ error: "invalid_grant", error_description: "The refresh token was revoked." }, { status: 400 });
    await expect(processTokenResponse(response)).rejects.toEqual(
      new TokenEndpointError("invalid_grant", "The refresh token was revoked.", 400),
    );
  });

  it("refuses a success without a Bearer access token", async () => {
    await expect(processTokenResponse(Response.json({ access_token: "at", token_type: "mac" }))).rejects.toMatchObject({
      code: "invalid_response",
    });
  });

  it("refuses an answer that is not JSON", async () => {
    await expect(processTokenResponse(new Response("<html>", { status: 502 }))).rejects.toMatchObject({
      code: "invalid_response",
      status: 502,
    });
  });
});
