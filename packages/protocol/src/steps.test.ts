import { describe, expect, it } from "vitest";
import { roles } from "./roles.ts";
import { discoveryStep, getStep, stepIds, steps } from "./steps.ts";

// The sequence of the article "7 Steps To Understand OAuth2", as the issue lists it.
const sequence = [
  [1, "Authorization request", "client", "authorization-server"],
  [2, "User authorization", "user", "authorization-server"],
  [3, "Authorization code", "authorization-server", "client"],
  [4, "Access token request", "client", "authorization-server"],
  [5, "Access token", "authorization-server", "client"],
  [6, "Access resource", "client", "resource-server"],
  [7, "Resource delivery", "resource-server", "client"],
] as const;

describe("the seven steps", () => {
  it("has exactly the seven steps of the sequence, in order", () => {
    expect(steps.map((step) => [step.number, step.title, step.from, step.to])).toEqual(sequence);
  });

  it("gives every step a unique id from the list of step ids", () => {
    expect(steps.map((step) => step.id)).toEqual([...stepIds]);
  });

  it("sends the front-channel steps through the user's browser", () => {
    const frontChannel = steps.filter((step) => step.channel === "front-channel");
    expect(frontChannel.map((step) => step.number)).toEqual([1, 3]);
    for (const step of frontChannel) expect(step.via).toBe("user");
  });

  it("keeps the user out of every token exchange", () => {
    for (const step of steps.filter((candidate) => candidate.number >= 4)) {
      expect(step.channel).toBe("back-channel");
      expect([step.from, step.to]).not.toContain("user");
    }
  });

  it("involves all four protagonists", () => {
    const talking = new Set(steps.flatMap((step) => [step.from, step.to]));
    expect([...talking].sort()).toEqual([...roles].sort());
  });

  it("describes each step in one sentence and cites an RFC section", () => {
    for (const step of steps) {
      expect(step.description).toMatch(/^[A-Z][^]*\.$/);
      expect(step.description.split(". ")).toHaveLength(1);
      expect(step.see).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
    }
  });

  it("finds a step by id and refuses an unknown one", () => {
    expect(getStep("access-token").number).toBe(5);
    expect(() => getStep("nope" as never)).toThrow(RangeError);
  });
});

describe("step 0, before the seven steps", () => {
  it("is numbered 0, stays out of the seven, and begins at the resource server (RFC 9728 §5)", () => {
    expect(discoveryStep.number).toBe(0);
    expect(steps).not.toContainEqual(discoveryStep);
    expect([discoveryStep.from, discoveryStep.to]).toEqual(["client", "resource-server"]);
    expect(discoveryStep.see).toBe("https://www.rfc-editor.org/rfc/rfc9728#section-5");
    expect(discoveryStep.description.split(". ")).toHaveLength(1);
  });
});
