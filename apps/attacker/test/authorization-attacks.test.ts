// Attacks 3, 4, 9 and 10 (the authorization endpoint and the consent screen): what Mallory builds
// before anything is sent, and how the lab reads the end of a run from the apps' records.
import { computeCodeChallenge, isCodeVerifier, type CheckRun } from "@seven-steps/protocol";
import type { Flow, RecordedExchange } from "@seven-steps/inspector";
import { describe, expect, it } from "vitest";
import { refusingCheck } from "@/lab/run-records";

const runId = "0123456789abcdefghijkl";

describe("Mallory's own authorization requests (attacks 3 and 9)", () => {
  it("carry a PKCE challenge whose verifier her server makes again for the same run, and only for it", async () => {
    const { mallorysChallenge, mallorysVerifier } = await import("@/mallory/pkce");
    const verifier = mallorysVerifier(runId);
    expect(isCodeVerifier(verifier)).toBe(true);
    expect(mallorysVerifier(runId)).toBe(verifier);
    expect(mallorysVerifier(`${runId}x`)).not.toBe(verifier);
    expect(await mallorysChallenge(runId)).toBe(await computeCodeChallenge(verifier));
  });

  it("bend the weak demo client's redirect URI three ways, the last one Mallory's page on her own port", async () => {
    const { bentRedirectUris, mallorysAuthorizationUrl, mallorysCatchUri } = await import("@/attacks/redirect-uri");
    const { victimClient } = await import("@/attacks/victim-client");
    const registered = new URL(victimClient.redirectUri);
    for (const { redirectUri } of bentRedirectUris) expect(redirectUri).not.toBe(victimClient.redirectUri);
    const last = new URL(bentRedirectUris.at(-1)!.redirectUri);
    expect(last.hostname).toBe(registered.hostname);
    expect(last.port).not.toBe(registered.port);
    expect(last.toString()).toBe(mallorysCatchUri);

    const url = await mallorysAuthorizationUrl(runId, mallorysCatchUri);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: victimClient.id, redirect_uri: mallorysCatchUri, state: runId, code_challenge_method: "S256" });
  });

  it("frame PhotoCloud's consent page for the weak demo client, with its registered redirect URI", async () => {
    const { framedConsentUrl } = await import("@/attacks/clickjacking");
    const { victimClient } = await import("@/attacks/victim-client");
    const url = await framedConsentUrl(runId);
    expect(url.pathname).toBe("/consent");
    expect(url.searchParams.get("client_id")).toBe(victimClient.id);
    expect(url.searchParams.get("redirect_uri")).toBe(victimClient.redirectUri);
  });
});

function exchange(checks: Pick<CheckRun, "rule" | "outcome">[], from: RecordedExchange["from"] = "attacker"): RecordedExchange {
  return { id: String(Math.random()), kind: "authorization-request", from, checks } as unknown as RecordedExchange;
}

describe("the Refused by panel", () => {
  it("names the run's last refusal: the one that stopped Mallory, not the error she caused on purpose", () => {
    const flow: Flow = {
      id: "flow",
      exchanges: [
        exchange([{ rule: "redirect_uri equals a registered URI", outcome: "refused" }]),
        exchange([
          { rule: "scope is allowed", outcome: "refused" },
          { rule: "an error is redirected by itself only to a trusted redirect URI", outcome: "refused" },
        ]),
        exchange([{ rule: "the session is valid", outcome: "passed" }]),
      ],
    };
    expect(refusingCheck(flow)?.check.rule).toBe("an error is redirected by itself only to a trusted redirect URI");
    expect(refusingCheck({ id: "flow", exchanges: [exchange([{ rule: "a", outcome: "passed" }])] })).toBeNull();
  });

  it("names Mallory's refusal, not the refusal of alice's own request that the defence caused afterwards", () => {
    const flow: Flow = {
      id: "flow",
      exchanges: [
        exchange([{ rule: "the code is used once", outcome: "refused" }]),
        exchange([{ rule: "the grant was not revoked", outcome: "refused" }], "client"),
      ],
    };
    expect(refusingCheck(flow)?.check.rule).toBe("the code is used once");
  });

  it("names a refusal of alice's browser that comes after Mallory's deliberate error", () => {
    const flow: Flow = {
      id: "flow",
      exchanges: [
        exchange([{ rule: "scope is allowed", outcome: "refused" }]),
        exchange([{ rule: "an error is redirected by itself only to a trusted redirect URI", outcome: "refused" }], "user"),
      ],
    };
    expect(refusingCheck(flow)?.check.rule).toBe("an error is redirected by itself only to a trusted redirect URI");
  });

  it("falls back to a refusal of alice's app when nothing else was refused", () => {
    const flow: Flow = {
      id: "flow",
      exchanges: [exchange([{ rule: "a", outcome: "passed" }]), exchange([{ rule: "the grant was not revoked", outcome: "refused" }], "client")],
    };
    expect(refusingCheck(flow)?.check.rule).toBe("the grant was not revoked");
  });
});
