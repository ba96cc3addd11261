import { rfcSectionLabel } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { clientScopedDefenceIds, isWeakenableDefenceId, weakenableDefences } from "./weakenable-defences.ts";

describe("the defences the attack lab can switch off", () => {
  it("names each once, with an RFC section", () => {
    const ids = weakenableDefences.map((defence) => defence.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const defence of weakenableDefences) expect(rfcSectionLabel(defence.see)).toMatch(/^RFC \d+ §/);
  });

  it("switches the audience check off per request, and the others per client", () => {
    expect(weakenableDefences.filter((defence) => defence.scope === "request").map((defence) => defence.id)).toEqual(["audience"]);
    expect(clientScopedDefenceIds).toHaveLength(weakenableDefences.length - 1);
    expect(clientScopedDefenceIds).toContain("pkce-verifier");
  });

  it("tells an id of the catalogue from any other string", () => {
    expect(isWeakenableDefenceId("audience")).toBe(true);
    expect(isWeakenableDefenceId("signature")).toBe(false);
  });
});
