import { describe, expect, it } from "vitest";
import { dpopChallenge, dpopNonceAskedFor, parseAuthenticationChallenges, parseDpopChallenge } from "./challenge.ts";

describe("the DPoP challenge", () => {
  it("is written with algs, and error, error_description and resource_metadata when given (RFC 9449 §7.1)", () => {
    expect(dpopChallenge({ algs: ["ES256"] })).toBe('DPoP algs="ES256"');
    expect(
      dpopChallenge({
        algs: ["ES256", "PS256"],
        realm: "api",
        error: { code: "invalid_token", description: 'Bound "elsewhere"' },
        resourceMetadata: "https://api.example/.well-known/oauth-protected-resource",
      }),
    ).toBe(
      'DPoP realm="api", error="invalid_token", error_description="Bound elsewhere", algs="ES256 PS256", resource_metadata="https://api.example/.well-known/oauth-protected-resource"',
    );
  });

  it("is read back from a header that offers Bearer too", () => {
    const header = `Bearer realm="api", error="invalid_token", ${dpopChallenge({ algs: ["ES256"], error: { code: "use_dpop_nonce", description: "Use a nonce." } })}`;
    expect(parseDpopChallenge(header)).toEqual({ error: "use_dpop_nonce", error_description: "Use a nonce.", algs: "ES256" });
    expect(parseAuthenticationChallenges(header).map((challenge) => challenge.scheme)).toEqual(["bearer", "dpop"]);
    expect(parseAuthenticationChallenges(header)[0]?.parameters).toEqual({ realm: "api", error: "invalid_token" });
  });

  it("reads schemes without parameters, and none where there is no DPoP", () => {
    expect(parseAuthenticationChallenges('Bearer, DPoP algs="ES256"')).toEqual([
      { scheme: "bearer", parameters: {} },
      { scheme: "dpop", parameters: { algs: "ES256" } },
    ]);
    expect(parseDpopChallenge('Bearer realm="api"')).toBeNull();
    expect(parseDpopChallenge(null)).toBeNull();
  });
});

describe("dpopNonceAskedFor (RFC 9449 §8, §9)", () => {
  const answer = (status: number, headers: Record<string, string>, body: unknown = null) => ({
    status,
    header: (name: string) => new Headers(headers).get(name),
    body,
  });

  it("finds the nonce a token endpoint asks for in its JSON error, and a resource server in its DPoP challenge", () => {
    expect(dpopNonceAskedFor(answer(400, { "DPoP-Nonce": "n-1" }, { error: "use_dpop_nonce" }))).toBe("n-1");
    const challenge = 'DPoP error="use_dpop_nonce", error_description="Use the nonce", algs="ES256"';
    expect(dpopNonceAskedFor(answer(401, { "dpop-nonce": "n-2", "www-authenticate": challenge }))).toBe("n-2");
  });

  it("finds none in another refusal, even with a DPoP-Nonce header, or without the header", () => {
    const challenge = 'DPoP error="invalid_dpop_proof", algs="ES256"';
    expect(dpopNonceAskedFor(answer(401, { "dpop-nonce": "n-3", "www-authenticate": challenge }))).toBeNull();
    expect(dpopNonceAskedFor(answer(400, {}, { error: "use_dpop_nonce" }))).toBeNull();
    expect(dpopNonceAskedFor(answer(200, { "dpop-nonce": "n-4" }, { access_token: "t" }))).toBeNull();
  });
});
