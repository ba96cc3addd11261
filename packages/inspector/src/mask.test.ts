import { describe, expect, it } from "vitest";
import { maskAuthorization, maskJson, maskParameters, maskRequestHeaders, maskResponseHeaders, maskSecret, maskUrl } from "./mask.ts";

const code = "Xq3vT0kL9pZ2mN8bR4sW1yC6dF5gH7jK0aE2iO4uY6w";

describe("masking", () => {
  it("keeps the first four characters of a secret, and no more", () => {
    expect(maskSecret(code)).toBe("Xq3v…");
    expect(maskSecret("short")).toBe("••••");
  });

  it("hides a password entirely, and masks codes, verifiers, secrets and refresh tokens", () => {
    expect(
      maskParameters([
        ["username", "alice"],
        ["password", "wonderland"],
        ["code", code],
        ["code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"],
        ["client_secret", "printshop-demo-secret"],
        ["refresh_token", "rt-0123456789"],
        ["csrf_token", "csrf-0123456789"],
        ["state", "public-state"],
      ]),
    ).toEqual({
      username: "alice",
      password: "••••••••",
      code: "Xq3v…",
      code_verifier: "dBjf…",
      client_secret: "prin…",
      refresh_token: "rt-0…",
      csrf_token: "csrf…",
      state: "public-state",
    });
  });

  it("masks the code in a redirect, absolute or relative", () => {
    expect(maskUrl(`http://localhost:3000/cb?code=${code}&state=s&iss=x`)).toBe("http://localhost:3000/cb?code=Xq3v%E2%80%A6&state=s&iss=x");
    expect(maskUrl(`/cb?code=${code}`)).toBe("/cb?code=Xq3v%E2%80%A6");
  });

  it("keeps a Bearer access token without its signature, and masks Basic credentials", () => {
    expect(maskAuthorization("Bearer eyJhbGciOi.eyJzdWIi.sig")).toBe("Bearer eyJhbGciOi.eyJzdWIi.");
    expect(maskAuthorization("Bearer not-a-jwt")).toBe("Bearer not-a-jwt");
    expect(maskAuthorization("DPoP eyJhbGciOi.eyJzdWIi.sig")).toBe("DPoP eyJhbGciOi.eyJzdWIi.");
    expect(maskAuthorization(`Basic ${btoa("printshop:printshop-demo-secret")}`)).toBe("Basic cHJp…");
  });

  it("masks the refresh token in a token response and keeps the access token without its signature", () => {
    expect(maskJson({ access_token: "eyJ.a.b", refresh_token: "0123456789abcdef", token_type: "Bearer", nested: [{ code }] })).toEqual({
      access_token: "eyJ.a.",
      refresh_token: "0123…",
      token_type: "Bearer",
      nested: [{ code: "Xq3v…" }],
    });
  });

  it("shows only the relevant headers, never cookies", () => {
    const request = new Headers({ cookie: "photocloud_session=secret", "content-type": "application/x-www-form-urlencoded", accept: "*/*" });
    expect(maskRequestHeaders(request)).toEqual({ "content-type": "application/x-www-form-urlencoded" });
    const response = new Headers({ "set-cookie": "a=b", location: `/cb?code=${code}`, "cache-control": "no-store" });
    expect(maskResponseHeaders(response)).toEqual({ location: "/cb?code=Xq3v%E2%80%A6", "cache-control": "no-store" });
  });

  it("keeps a DPoP proof whole, for the page to decode, and the DPoP-Nonce of the answer", () => {
    const proof = "eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJQT1NUIn0.c2lnbmF0dXJl";
    expect(maskRequestHeaders(new Headers({ dpop: proof }))).toEqual({ dpop: proof });
    expect(maskResponseHeaders(new Headers({ "dpop-nonce": "29946.abc" }))).toEqual({ "dpop-nonce": "29946.abc" });
  });
});
