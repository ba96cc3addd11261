// The attack lab's switch (src/auth/weakened-defences.ts): a defence is off only while the API
// runs with ATTACK_LAB_WEAKENING=true, and then only for a request that names it in its
// attack-lab-weaken header. The checks that ask it are tested, weakened and not, next to their
// own tests.
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiRequest } from "./fixtures.ts";

/** The switch as an API started with this environment sees it. */
async function apiStartedWith(weakening: "true" | "false" | undefined) {
  vi.resetModules();
  if (weakening !== undefined) vi.stubEnv("ATTACK_LAB_WEAKENING", weakening);
  return (await import("@/auth/weakened-defences")).isWeakenedForRequest;
}

const asking = (value: string) => apiRequest("/photos", { headers: { "attack-lab-weaken": value } });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("isWeakenedForRequest", () => {
  it("switches nothing off by default, even for a request that asks", async () => {
    const isWeakenedForRequest = await apiStartedWith(undefined);
    expect(isWeakenedForRequest("audience", asking("audience"))).toBe(false);
  });

  it("switches nothing off when ATTACK_LAB_WEAKENING is false", async () => {
    const isWeakenedForRequest = await apiStartedWith("false");
    expect(isWeakenedForRequest("audience", asking("audience"))).toBe(false);
  });

  it("with ATTACK_LAB_WEAKENING=true, switches the defence off for a request that names it", async () => {
    const isWeakenedForRequest = await apiStartedWith("true");
    expect(isWeakenedForRequest("audience", asking("audience"))).toBe(true);
    expect(isWeakenedForRequest("audience", asking("pkce-verifier, audience"))).toBe(true);
  });

  it("with ATTACK_LAB_WEAKENING=true, keeps it for every other request", async () => {
    const isWeakenedForRequest = await apiStartedWith("true");
    expect(isWeakenedForRequest("audience", apiRequest("/photos"))).toBe(false);
    expect(isWeakenedForRequest("audience", asking("pkce-verifier"))).toBe(false);
    expect(isWeakenedForRequest("audience", asking("audiences"))).toBe(false);
  });
});
