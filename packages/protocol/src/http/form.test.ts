import { describe, expect, it } from "vitest";
import { decodeForm, FormEncodingError, formUrlDecode, formUrlEncode } from "./form.ts";

describe("formUrlEncode and formUrlDecode", () => {
  it("writes a space as '+' and escapes '+', '&', '=' and '%'", () => {
    expect(formUrlEncode("a b+c&d=e%f")).toBe("a+b%2Bc%26d%3De%25f");
  });

  it("reads '+' and %20 both as a space", () => {
    expect(formUrlDecode("print+shop")).toBe("print shop");
    expect(formUrlDecode("print%20shop")).toBe("print shop");
    expect(formUrlDecode("a%2Bb")).toBe("a+b");
  });

  it.each(["plain", "with spaces", "s:e%c+t&=", "café ☕ 東京", ""])("gives back %j after a round trip", (value) => {
    expect(formUrlDecode(formUrlEncode(value))).toBe(value);
  });

  it.each([
    ["a lone %", "100%"],
    ["a % without two hex digits", "%zz"],
    ["a truncated UTF-8 sequence", "%E0%A4"],
    ["a byte that is never UTF-8", "%FF"],
  ])("refuses %s", (_, component) => {
    expect(() => formUrlDecode(component)).toThrow(FormEncodingError);
  });
});

describe("decodeForm", () => {
  it("gives the pairs in order, repeated names and empty values included", () => {
    expect(decodeForm("scope=photos%3Aread+profile&state=&scope=x&flag")).toEqual([
      ["scope", "photos:read profile"],
      ["state", ""],
      ["scope", "x"],
      ["flag", ""],
    ]);
  });

  it("skips empty pairs and keeps '=' inside a value", () => {
    expect(decodeForm("&a=b=c&&")).toEqual([["a", "b=c"]]);
  });

  it("reads what URLSearchParams writes", () => {
    const fields = { redirect_uri: "https://app.test/cb?x=1&y=2", code_verifier: "a b~c!" };
    expect(Object.fromEntries(decodeForm(new URLSearchParams(fields).toString()))).toEqual(fields);
  });

  it("refuses a form with one malformed name or value", () => {
    expect(() => decodeForm("a=b&c=%zz")).toThrow(FormEncodingError);
    expect(() => decodeForm("%E0=b")).toThrow(FormEncodingError);
  });
});
