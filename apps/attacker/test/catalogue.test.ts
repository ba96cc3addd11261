// The lab's catalogue of attacks against packages/story's list, which names each attack once.
import { labAttacks } from "@seven-steps/story";
import { describe, expect, it } from "vitest";
import type { Attack } from "@/attacks/attack";

describe("the catalogue of the attack lab", () => {
  it("has one module for each attack of the story's list, in its order, with its number and title", async () => {
    const { attacks, findAttack } = await import("@/attacks/catalogue");
    expect(attacks.map(({ id, number, title }) => ({ id, number, title }))).toEqual(labAttacks);
    expect(findAttack("mix-up")?.number).toBe(12);
  });

  it("refuses a module the list does not name, and an attack of the list with no module or with two", async () => {
    const { attacks, inStoryOrder } = await import("@/attacks/catalogue");
    const stray: Attack = { ...attacks[0]!, id: "csrf-on-logout", number: 14, title: "A stray attack" };
    const [first, ...rest] = attacks;

    expect(() => inStoryOrder([...attacks, stray])).toThrow("Not in the lab's list of attacks (packages/story/src/lab-attacks.ts): csrf-on-logout.");
    expect(() => inStoryOrder(rest)).toThrow(`The lab's attack "stolen-code" needs exactly one module in apps/attacker/src/attacks; the catalogue has 0.`);
    expect(() => inStoryOrder([first!, ...attacks])).toThrow(`The lab's attack "stolen-code" needs exactly one module in apps/attacker/src/attacks; the catalogue has 2.`);
    expect(inStoryOrder([...rest].reverse().concat(first!))).toEqual(attacks);
  });
});
