import { describe, expect, it } from "vitest";
import type { Flow, RecordedExchange } from "./flows.ts";
import { flowHandout } from "./handout.ts";

function exchange(kind: RecordedExchange["kind"], steps: number[], extra: Partial<RecordedExchange> = {}): RecordedExchange {
  return {
    id: kind,
    kind,
    steps,
    recordedBy: "authorization-server",
    from: "user",
    to: "authorization-server",
    method: "GET",
    url: "http://localhost:3001/authorize?code_challenge=abc",
    requestHeaders: {},
    requestBody: null,
    status: 303,
    responseHeaders: {},
    responseBody: null,
    checks: [],
    at: "2026-11-25T12:00:00.000Z",
    ...extra,
  };
}

const pkceCheck = {
  checkedBy: "authorization-server" as const,
  rule: "the code_verifier hashes to the code_challenge of step 1",
  why: "A stolen code is useless without the verifier.",
  see: "https://www.rfc-editor.org/rfc/rfc7636#section-4.6",
  source: "apps/authorization-server/src/oauth/grants/authorization-code.ts",
};

describe("flowHandout", () => {
  const flow: Flow = {
    id: "flow-1",
    exchanges: [
      exchange("authorization-request", [1]),
      exchange("consent", [2, 3], { requestBody: { decision: "allow", csrf_token: "abcd…" } }),
      exchange("token", [4, 5], {
        method: "POST",
        status: 400,
        responseBody: { error: "invalid_grant" },
        checks: [
          { ...pkceCheck, rule: "the client authenticates", outcome: "passed" },
          { ...pkceCheck, outcome: "refused", detail: "invalid_grant: The code_verifier does not match the code_challenge." },
        ],
      }),
      exchange("refresh", [4, 5], { method: "POST", responseBody: { access_token: "eyJ.a.b", refresh_token: "wxyz…" } }),
    ],
  };

  it("draws the seven steps as a Mermaid sequence diagram, marking what did not happen", () => {
    const handout = flowHandout(flow);
    expect(handout).toContain("```mermaid\nsequenceDiagram");
    expect(handout).toContain("C-->>AS: 1. Authorization request (through the browser)");
    expect(handout).toContain("AS->>C: 5. Access token\n");
    expect(handout).toContain("C->>RS: 6. Access resource (did not happen)");
  });

  it("lists the messages as they were stored, masked", () => {
    const handout = flowHandout(flow);
    expect(handout).toContain('"refresh_token": "wxyz…"');
    expect(handout).toContain("### 6. Access resource\n");
    expect(handout).toContain("_This step did not happen in this flow._");
  });

  it("lists the checks that ran on a request, in order, with the one that refused it", () => {
    const handout = flowHandout(flow);
    expect(handout).toContain(
      "Checked by the authorization server, in this order:\n\n" +
        "1. the client authenticates: passed. RFC 7636 §4.6, `apps/authorization-server/src/oauth/grants/authorization-code.ts`\n" +
        "2. the code_verifier hashes to the code_challenge of step 1: **refused** (invalid_grant: The code_verifier does not match the code_challenge.). RFC 7636 §4.6,",
    );
  });

  it("puts step 0 before the seven steps when it was linked to the flow, saying the link is a guess", () => {
    const withDiscovery: Flow = {
      ...flow,
      exchanges: [
        exchange("resource-challenge", [0], { from: "client", to: "resource-server", recordedBy: "resource-server", url: "http://localhost:3002/photos", status: 401 }),
        ...flow.exchanges,
      ],
    };
    const handout = flowHandout(withDiscovery);
    expect(handout).toContain("C->>RS: 0. Discovery (before the seven steps)\n");
    expect(handout).toContain("## Before the seven steps: 0. Discovery\n");
    expect(handout).toContain("Linked to this flow by a guess");
    expect(handout).toContain("**GET http://localhost:3002/photos** → 401");
    expect(handout.indexOf("## Before the seven steps")).toBeLessThan(handout.indexOf("## The seven steps"));
    expect(flowHandout(flow)).not.toContain("Before the seven steps");
  });

  it("keeps Mallory's messages out of the seven steps, in a participant and a section of their own", () => {
    const replay = exchange("token", [4, 5], { id: "replay", from: "attacker", method: "POST", url: "http://localhost:3001/token", status: 400 });
    const attacked: Flow = { ...flow, exchanges: [replay, ...flow.exchanges] };
    const handout = flowHandout(attacked);
    expect(handout).toContain("participant M as Attacker\n");
    expect(handout).toContain("M->>AS: POST /token, 400\n");
    expect(handout.slice(handout.indexOf("### 4."), handout.indexOf("### 5."))).not.toContain("http://localhost:3001/token");
    expect(handout).toContain("## Mallory's messages\n\nSent by Mallory, with her look-alike shop Mallory's Prints, on port 3003.\n\n**POST http://localhost:3001/token** → 400");
    expect(flowHandout(flow)).not.toContain("Mallory");
  });
});
