import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CheckTrail, DefenceSwitchedOff, defineCheck, rfcSection, rfcSectionLabel, type Check } from "./check.ts";
import { dpopProofChecks } from "../dpop/verify-proof.ts";
import { findExportedChecks } from "./exported-checks.ts";

const example: Check = {
  checkedBy: "authorization-server",
  rule: "the example holds",
  why: "For the test.",
  see: rfcSection(6749, "4.1.2.1"),
  source: "nowhere.ts",
};

class ExampleError extends Error {
  readonly code = "invalid_request";
  constructor(readonly description: string) {
    super(description);
  }
}

describe("CheckTrail", () => {
  it("records a check that returns as passed, and gives back its result", () => {
    const trail = new CheckTrail();
    const checked = defineCheck(example, (value: number) => value * 2);
    expect(checked(trail, 21)).toBe(42);
    expect(trail.runs).toEqual([{ ...example, outcome: "passed" }]);
    expect(checked.check).toBe(example);
  });

  it("records a protocol error as a refusal with its code and description, and throws it on", () => {
    const trail = new CheckTrail();
    const checked = defineCheck(example, () => {
      throw new ExampleError("The example does not hold.");
    });
    expect(() => checked(trail)).toThrow(ExampleError);
    expect(trail.runs).toEqual([{ ...example, outcome: "refused", detail: "invalid_request: The example does not hold." }]);
  });

  it("follows a promise to its end", async () => {
    const trail = new CheckTrail();
    const passes = defineCheck(example, async () => "ok");
    const refuses = defineCheck(example, async () => {
      throw new ExampleError("No.");
    });
    await expect(passes(trail)).resolves.toBe("ok");
    await expect(refuses(trail)).rejects.toThrow("No.");
    expect(trail.runs.map((run) => run.outcome)).toEqual(["passed", "refused"]);
  });

  it("records any other error as failed, keeping none of its words", () => {
    const trail = new CheckTrail();
    expect(() =>
      trail.run(example, () => {
        throw new Error("SQLITE_BUSY: database is locked at /var/lib/secret.db");
      }),
    ).toThrow("SQLITE_BUSY");
    expect(trail.runs).toEqual([{ ...example, outcome: "failed" }]);
  });

  it("records a yes-or-no check with the refusal's words", () => {
    const trail = new CheckTrail();
    expect(trail.holds(example, true, "unused")).toBe(true);
    expect(trail.holds(example, false, "the form came from another site")).toBe(false);
    expect(trail.runs).toEqual([
      { ...example, outcome: "passed" },
      { ...example, outcome: "refused", detail: "the form came from another site" },
    ]);
  });

  it("records a check the attack lab switched off as switched off, never passed, and gives back the value it let through", async () => {
    const trail = new CheckTrail();
    const letThrough = defineCheck(example, (): string => {
      throw new DefenceSwitchedOff("The example did not hold; the lab's switch let it through.", "let through");
    });
    const letThroughLater = defineCheck(example, async (): Promise<void> => {
      throw new DefenceSwitchedOff("Later, the same.");
    });
    expect(letThrough(trail)).toBe("let through");
    await expect(letThroughLater(trail)).resolves.toBeUndefined();
    trail.switchedOff(example, "Recorded by hand.");
    expect(trail.runs).toEqual([
      { ...example, outcome: "switched-off", detail: "The example did not hold; the lab's switch let it through." },
      { ...example, outcome: "switched-off", detail: "Later, the same." },
      { ...example, outcome: "switched-off", detail: "Recorded by hand." },
    ]);
  });
});

describe("RFC section links", () => {
  it("are made and read back", () => {
    expect(rfcSection(7636, "4.6")).toBe("https://www.rfc-editor.org/rfc/rfc7636#section-4.6");
    expect(rfcSectionLabel(rfcSection(7636, "4.6"))).toBe("RFC 7636 §4.6");
    expect(rfcSectionLabel("https://example.com/#section-1")).toBe("https://example.com/#section-1");
  });
});

describe("the checks of the protocol package", () => {
  const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

  it("each name, as its source, the file that exports it, and cite an RFC section", async () => {
    const found = await findExportedChecks(repository, path.join(repository, "packages/protocol/src"), (file) => import(file));
    expect(found.map(({ exportName }) => exportName).sort()).toEqual(
      ["checkAccessTokenJwt", "checkAudience", "checkDpopBinding", "checkIntrospectionAnswer", "checkRequiredScopes", "responseIssuerCheck", "responseStateCheck"].sort(),
    );
    for (const { file, check } of found) {
      expect(check.source).toBe(file);
      expect(check.checkedBy).toBe(file.includes("/client/") ? "client" : "resource-server");
      expect(rfcSectionLabel(check.see)).toMatch(/^RFC \d+ §[\d.]+$/);
    }
  });
});

describe("the checks of a DPoP proof", () => {
  it("are recorded as the checks of whichever server runs them, and cite RFC 9449", () => {
    for (const checkedBy of ["authorization-server", "resource-server"] as const) {
      for (const { check } of Object.values(dpopProofChecks[checkedBy])) {
        expect(check.checkedBy).toBe(checkedBy);
        expect(check.source).toBe("packages/protocol/src/dpop/verify-proof.ts");
        expect(rfcSectionLabel(check.see)).toMatch(/^RFC 9449 §[\d.]+$/);
      }
    }
  });
});
