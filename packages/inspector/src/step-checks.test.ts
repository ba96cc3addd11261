import { stepIds } from "@seven-steps/protocol";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkedSourceFiles, stepChecks } from "./step-checks.ts";

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("what each step checks", () => {
  it("explains every one of the seven steps", () => {
    expect(Object.keys(stepChecks).sort()).toEqual([...stepIds].sort());
    for (const checks of Object.values(stepChecks)) expect(checks.length).toBeGreaterThan(0);
  });

  it("points to source files that exist", () => {
    for (const file of checkedSourceFiles) expect(existsSync(path.join(repository, file)), file).toBe(true);
  });

  it("cites an RFC section for every rule", () => {
    for (const check of Object.values(stepChecks).flat()) {
      expect(check.see).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
    }
  });
});
