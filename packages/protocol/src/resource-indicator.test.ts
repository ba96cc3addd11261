import { describe, expect, it } from "vitest";
import { parseResourceIndicator, ResourceIndicatorError } from "./resource-indicator.ts";

describe("parseResourceIndicator (RFC 8707 §2)", () => {
  it("accepts absolute URIs, with a path or a query, unchanged", () => {
    for (const value of ["http://localhost:3002", "https://api.example.com/v1", "https://api.example.com/?tenant=a", "urn:example:photos"]) {
      expect(parseResourceIndicator(value)).toBe(value);
    }
  });

  it("refuses relative references, bare words and spaces", () => {
    for (const value of ["/photos", "photos", "//api.example.com", "", "http://api.example.com/a b", " http://x.example"]) {
      expect(() => parseResourceIndicator(value)).toThrow(ResourceIndicatorError);
    }
  });

  it("refuses a fragment, even an empty one", () => {
    expect(() => parseResourceIndicator("https://api.example.com/#part")).toThrow(/fragment/);
    expect(() => parseResourceIndicator("https://api.example.com/#")).toThrow(/fragment/);
  });
});
