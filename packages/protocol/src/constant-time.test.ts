import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "./constant-time.ts";

describe("constantTimeEqual", () => {
  it("compares strings in constant time, by value", () => {
    expect(constantTimeEqual("same", "same")).toBe(true);
    expect(constantTimeEqual("same", "sane")).toBe(false);
    expect(constantTimeEqual("same", "same ")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
