// Mallory's Accounts, her authorization server for the mix-up card: metadata under her issuer,
// an authorization endpoint that forwards to PhotoCloud's, and a token endpoint that keeps what a
// fooled client sends it, for the run it came from.
import { describe, expect, it } from "vitest";

describe("Mallory's Accounts", () => {
  it("names her own issuer and endpoints, under her app's address", async () => {
    const { mallorysMetadata } = await import("@/mallory/accounts");
    const { env } = await import("@/env");
    expect(mallorysMetadata()).toMatchObject({
      issuer: `${env.ATTACKER_URL}/mallory-accounts`,
      authorization_endpoint: `${env.ATTACKER_URL}/mallory-accounts/authorize`,
      token_endpoint: `${env.ATTACKER_URL}/mallory-accounts/token`,
      authorization_response_iss_parameter_supported: true,
    });
  });

  it("forwards an authorization request to PhotoCloud's endpoint unchanged (RFC 9700 §4.4.1)", async () => {
    const { forwardedToPhotoCloud } = await import("@/mallory/accounts");
    const { env } = await import("@/env");
    const request = new URL(`${env.ATTACKER_URL}/mallory-accounts/authorize?client_id=printshop-weak&state=s1&code_challenge=c`);
    expect(forwardedToPhotoCloud(request).toString()).toBe(`${env.ISSUER}/authorize?client_id=printshop-weak&state=s1&code_challenge=c`);
  });

  it("keeps a token request for its run, and hands it out once", async () => {
    const { keepTokenRequest, takeKeptTokenRequest } = await import("@/mallory/accounts");
    const kept = { code: "c0de", code_verifier: "v".repeat(43), redirect_uri: "http://localhost:3000/attack-lab/victim", client_id: "printshop-weak" };
    keepTokenRequest("run-0123456789abcdefghijkl", kept);
    expect(takeKeptTokenRequest("another-run-0123456789ab")).toBeUndefined();
    expect(takeKeptTokenRequest("run-0123456789abcdefghijkl")).toEqual(kept);
    expect(takeKeptTokenRequest("run-0123456789abcdefghijkl")).toBeUndefined();
  });
});
