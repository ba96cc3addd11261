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
    at: "2026-11-25T12:00:00.000Z",
    ...extra,
  };
}

describe("flowHandout", () => {
  const flow: Flow = {
    id: "flow-1",
    exchanges: [
      exchange("authorization-request", [1]),
      exchange("consent", [2, 3], { requestBody: { decision: "allow", csrf_token: "abcd…" } }),
      exchange("token", [4, 5], { method: "POST", responseBody: { access_token: "eyJ.a.b", refresh_token: "wxyz…" } }),
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
});
