import { describe, expect, it } from "vitest";
import { dpopChallenge, parseAuthenticationChallenges, parseDpopChallenge } from "./challenge.ts";

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
