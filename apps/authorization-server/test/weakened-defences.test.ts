// The attack lab's switch (src/oauth/weakened-defences.ts): a defence is off only while the
// server runs with ATTACK_LAB_WEAKENING=true, and then only for a client whose registration lists
// it. The checks that ask it are tested, weakened and not, next to their own tests.
import { demoClient, demoWeakClient } from "@seven-steps/db/demo-data";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The switch and the clients as a server started with this environment sees them. */
async function serverStartedWith(weakening: "true" | "false" | undefined) {
  vi.resetModules();
  if (weakening !== undefined) vi.stubEnv("ATTACK_LAB_WEAKENING", weakening);
  const { isWeakened } = await import("@/oauth/weakened-defences");
  const { findClient } = await import("@/storage/clients");
  const weak = (await findClient(demoWeakClient.id))!;
  const printShop = (await findClient(demoClient.id))!;
  return { isWeakened, weak, printShop };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("isWeakened", () => {
  it("switches nothing off by default, not even for the weak demo client", async () => {
    const { isWeakened, weak } = await serverStartedWith(undefined);
    expect(weak.weakenedDefences).toContain("pkce-verifier");
    expect(isWeakened("pkce-verifier", weak)).toBe(false);
    expect(isWeakened("code-single-use", weak)).toBe(false);
  });

  it("switches nothing off when ATTACK_LAB_WEAKENING is false", async () => {
    const { isWeakened, weak } = await serverStartedWith("false");
    expect(isWeakened("pkce-verifier", weak)).toBe(false);
  });

  it("with ATTACK_LAB_WEAKENING=true, switches off the defences the weak demo client lists", async () => {
    const { isWeakened, weak } = await serverStartedWith("true");
    for (const defence of ["pkce-verifier", "redirect-uri-exact-match", "code-single-use", "refresh-token-reuse-detection"] as const) {
      expect(isWeakened(defence, weak)).toBe(true);
    }
  });

  it("with ATTACK_LAB_WEAKENING=true, keeps every defence of every other client", async () => {
    const { isWeakened, printShop } = await serverStartedWith("true");
    expect(printShop.weakenedDefences).toEqual([]);
    expect(isWeakened("pkce-verifier", printShop)).toBe(false);
  });

  it("switches off only what the client's list names", async () => {
    const { isWeakened } = await serverStartedWith("true");
    expect(isWeakened("pkce-verifier", { weakenedDefences: ["code-single-use"] })).toBe(false);
    expect(isWeakened("code-single-use", { weakenedDefences: ["code-single-use"] })).toBe(true);
  });
});
