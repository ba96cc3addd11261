// The consent page's refusal to be framed (RFC 9700 §4.16), set by src/proxy.ts through
// src/consent/framing.ts, and the attack lab's switch for it (attack 9): for the weak demo client
// alone, and only while ATTACK_LAB_WEAKENING is on, the page may be framed.
import { CheckTrail } from "@seven-steps/protocol";
import { demoClient, demoWeakClient } from "@seven-steps/db/demo-data";
import { afterEach, describe, expect, it, vi } from "vitest";
import { issuer } from "./fixtures.ts";

/** The proxy and the framing check of a server started with this environment. */
async function serverStartedWith(weakening: "true" | "false") {
  vi.resetModules();
  vi.stubEnv("ATTACK_LAB_WEAKENING", weakening);
  const { proxy } = await import("@/proxy");
  const { consentPageHeaders } = await import("@/consent/framing");
  const { findClient } = await import("@/storage/clients");
  return { proxy, consentPageHeaders, findClient };
}

function consentPageRequest(clientId: string, destination = "document"): Request {
  return new Request(`${issuer}/consent?client_id=${clientId}&response_type=code`, { headers: { "sec-fetch-dest": destination } });
}

function expectFramingForbidden(response: Response) {
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the consent page's headers", () => {
  it("forbid framing, for every client, while weakening is off", async () => {
    const { proxy } = await serverStartedWith("false");
    for (const clientId of [demoWeakClient.id, demoClient.id, "unknown-client"]) expectFramingForbidden(await proxy(consentPageRequest(clientId)));
  });

  it("record a request for the page inside a frame as refused", async () => {
    const { consentPageHeaders, findClient } = await serverStartedWith("false");
    const trail = new CheckTrail();
    consentPageHeaders(consentPageRequest(demoWeakClient.id, "iframe"), await findClient(demoWeakClient.id), trail);
    expect(trail.runs).toMatchObject([{ rule: expect.stringContaining("frame-ancestors 'none'"), outcome: "refused" }]);
    expect(trail.runs[0]!.detail).toContain("Sec-Fetch-Dest: iframe");

    const shownAsAPage = new CheckTrail();
    consentPageHeaders(consentPageRequest(demoWeakClient.id), await findClient(demoWeakClient.id), shownAsAPage);
    expect(shownAsAPage.runs).toMatchObject([{ outcome: "passed" }]);
  });

  it("with weakening on, let the weak demo client's consent page be framed, and no other client's", async () => {
    const { proxy } = await serverStartedWith("true");
    const weak = await proxy(consentPageRequest(demoWeakClient.id, "iframe"));
    expect(weak.headers.get("content-security-policy")).not.toContain("frame-ancestors");
    expect(weak.headers.get("x-frame-options")).toBeNull();
    // The rest of the policy stays.
    expect(weak.headers.get("content-security-policy")).toContain("object-src 'none'");

    expectFramingForbidden(await proxy(consentPageRequest(demoClient.id, "iframe")));
  });

  it("with weakening on, record the weak demo client's page asked for inside a frame as switched off, never passed", async () => {
    const { consentPageHeaders, findClient } = await serverStartedWith("true");
    const trail = new CheckTrail();
    consentPageHeaders(consentPageRequest(demoWeakClient.id, "iframe"), await findClient(demoWeakClient.id), trail);
    expect(trail.runs).toMatchObject([{ rule: expect.stringContaining("frame-ancestors 'none'"), outcome: "switched-off" }]);
  });

  it("leave every other page to next.config.ts", async () => {
    const { proxy } = await serverStartedWith("true");
    const response = await proxy(new Request(`${issuer}/sign-in?client_id=${demoWeakClient.id}`));
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});
