import { describe, expect, it } from "vitest";
import { isLabAttackId, labAttack, labAttacks } from "./lab-attacks.ts";

describe("the attacks of the attack lab", () => {
  it("are numbered 1 to 13 in the order of the list", () => {
    expect(labAttacks.map((attack) => attack.number)).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
  });

  it("have unique kebab-case ids, fit for an address, and a title each", () => {
    const ids = labAttacks.map((attack) => attack.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const attack of labAttacks) {
      expect(attack.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(attack.title.trim()).not.toBe("");
    }
  });

  it("give each attack's module its id, number and title, and tell an id from any other string", () => {
    expect(labAttack("clickjacking")).toEqual({ id: "clickjacking", number: 9, title: "Clickjacking the consent screen" });
    expect(isLabAttackId("mix-up")).toBe(true);
    expect(isLabAttackId("Mix-up")).toBe(false);
    expect(isLabAttackId("csrf")).toBe(false);
  });
});
