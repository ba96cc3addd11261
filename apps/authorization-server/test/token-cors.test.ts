// The token endpoint answers browsers of the client app's origin, for the lab's public client.
import { describe, expect, it } from "vitest";
import { OPTIONS, POST } from "@/app/token/route";
import { formRequest, registerClient } from "./fixtures.ts";
import { expectTokenError } from "./token-assertions.ts";

const clientApp = "http://localhost:3000";

describe("CORS at the token endpoint", () => {
  it("answers the client app's preflight for a POST with a form body", async () => {
    const response = await OPTIONS(new Request("http://localhost:3001/token", { method: "OPTIONS", headers: { origin: clientApp } }));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("Content-Type, Authorization, DPoP");
  });

  it("gives another origin no CORS headers", async () => {
    const response = await OPTIONS(new Request("http://localhost:3001/token", { method: "OPTIONS", headers: { origin: "https://evil.example" } }));
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the client app's pages read token endpoint answers, errors included", async () => {
    const client = await registerClient({ authMethod: "none" });
    const response = await POST(
      formRequest("/token", { grant_type: "authorization_code", client_id: client.id, code: "unknown", code_verifier: "x".repeat(43) }, { origin: clientApp }),
    );
    await expectTokenError(response, "invalid_grant");
    expect(response.headers.get("access-control-allow-origin")).toBe(clientApp);
  });
});
