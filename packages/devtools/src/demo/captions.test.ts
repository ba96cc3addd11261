import { steps } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { consentCaption, deniedCodeCaption, stepCaption } from "./captions.ts";
import { addressShown } from "./sign-in-story.ts";

describe("the demo's captions", () => {
  it("name each step by its number and title from the protocol's catalogue", () => {
    for (const step of steps) {
      const caption = stepCaption(step.id);
      expect(caption.step).toBe(step.number);
      expect(caption.heading).toBe(`Step ${step.number} of 7 · ${step.title}`);
      expect(caption.sentence.length).toBeGreaterThan(20);
    }
    expect(stepCaption("authorization-code").sentence).toMatch(/^The code is in the address bar, not the page/);
  });

  it("follow the member's answer at the consent screen", () => {
    expect(consentCaption(true).sentence).toContain("Deny");
    expect(consentCaption(false).sentence).toContain("allows");
    expect(deniedCodeCaption.sentence).toContain("error=access_denied");
  });

  it("show an address with its code masked", () => {
    const shown = addressShown("http://localhost:3000/api/auth/callback/authorization-server?code=Zq3v8KpL2mN9xY4tR7wE1aS6&state=abc&iss=http%3A%2F%2Flocalhost%3A3001");
    expect(shown).not.toContain("Zq3v8KpL2mN9xY4tR7wE1aS6");
    expect(shown).toContain("state=abc");
    expect(shown).toContain("iss=http://localhost:3001");
  });
});
