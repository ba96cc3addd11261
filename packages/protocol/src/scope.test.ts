import { describe, expect, it } from "vitest";
import { formatScope, isScopeSubset, missingScopes, parseScope, ScopeSyntaxError } from "./scope.ts";

describe("scope syntax (RFC 6749 §3.3)", () => {
  it("splits on single spaces and keeps the first order", () => {
    expect(parseScope("photos:read profile")).toEqual(["photos:read", "profile"]);
  });

  it("treats the empty string as no scope", () => {
    expect(parseScope("")).toEqual([]);
  });

  it("drops duplicates", () => {
    expect(parseScope("profile profile photos:read")).toEqual(["profile", "photos:read"]);
  });

  it("keeps tokens case-sensitive", () => {
    expect(parseScope("Profile profile")).toEqual(["Profile", "profile"]);
  });

  it.each([
    ["a double space", "profile  photos:read"],
    ["a leading space", " profile"],
    ["a trailing space", "profile "],
    ["a tab", "profile\tphotos:read"],
    ["a double quote", 'pro"file'],
    ["a backslash", "pro\\file"],
    ["a non-ASCII character", "phötos"],
    ["a control character", "profile\u0000"],
  ])("rejects %s", (_label, value) => {
    expect(() => parseScope(value)).toThrow(ScopeSyntaxError);
  });

  it("formats tokens with single spaces and no duplicates", () => {
    expect(formatScope(["profile", "photos:read", "profile"])).toBe("profile photos:read");
  });

  it("refuses to format a token the grammar forbids", () => {
    expect(() => formatScope(["two words"])).toThrow(ScopeSyntaxError);
  });

  it("round-trips through parse and format", () => {
    expect(formatScope(parseScope("profile photos:read photos:write"))).toBe("profile photos:read photos:write");
  });

  it("compares sets of scopes", () => {
    expect(isScopeSubset(["profile"], ["profile", "photos:read"])).toBe(true);
    expect(isScopeSubset([], ["profile"])).toBe(true);
    expect(isScopeSubset(["photos:write"], ["profile", "photos:read"])).toBe(false);
    expect(missingScopes(["profile", "photos:write", "photos:write"], ["profile"])).toEqual(["photos:write"]);
  });
});
