import { describe, expect, it } from "vitest";
import {
  BasicCredentialsError,
  decodeBasicCredentials,
  encodeBasicCredentials,
  type BasicCredentialsErrorCode,
} from "./basic-credentials.ts";

/** `Basic` and the base64 of `text`'s UTF-8 bytes, with nothing form-urlencoded. */
function rawBasic(text: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`;
}

/** The code of the error `header` is refused with, or undefined if it is accepted. */
function refusal(header: string): BasicCredentialsErrorCode | undefined {
  try {
    decodeBasicCredentials(header);
    return undefined;
  } catch (error) {
    if (error instanceof BasicCredentialsError) return error.code;
    throw error;
  }
}

describe("encodeBasicCredentials", () => {
  it("form-urlencodes each part before base64 (RFC 6749 §2.3.1)", () => {
    expect(encodeBasicCredentials("print shop", "s:e%c")).toBe(`Basic ${btoa("print+shop:s%3Ae%25c")}`);
  });

  it("writes non-ASCII as percent-encoded UTF-8", () => {
    expect(encodeBasicCredentials("app", "café")).toBe(`Basic ${btoa("app:caf%C3%A9")}`);
  });
});

describe("decodeBasicCredentials", () => {
  it.each([
    ["a colon in the secret", "printshop", "pass:word:"],
    ["non-ASCII in the secret", "printshop", "mot de passe: café ☕"],
    ["'+', '%' and spaces in both parts", "print shop+1", "100% + more"],
  ])("gives back what was encoded, with %s", (_, clientId, clientSecret) => {
    expect(decodeBasicCredentials(encodeBasicCredentials(clientId, clientSecret))).toEqual({ clientId, clientSecret });
  });

  it("reads %20 as well as '+' as a space, and the scheme in any case", () => {
    expect(decodeBasicCredentials(`bASIC ${btoa("print%20shop:a+b")}`)).toEqual({ clientId: "print shop", clientSecret: "a b" });
  });

  it("splits at the first colon: an id cannot hold one unencoded", () => {
    expect(decodeBasicCredentials(rawBasic("printshop:s:e"))).toEqual({ clientId: "printshop", clientSecret: "s:e" });
  });

  it.each([
    ["another scheme", `Bearer ${btoa("a:b")}`],
    ["no credentials after the scheme", "Basic"],
    ["more than one token", `Basic ${btoa("a:b")} extra`],
  ])("refuses %s as not Basic", (_, header) => {
    expect(refusal(header)).toBe("not_basic");
  });

  it.each([
    ["text that is not base64", "Basic @@@@"],
    ["no colon", rawBasic("printshop")],
    ["an empty secret", rawBasic("printshop:")],
    ["an empty id", rawBasic(":secret")],
    ["a malformed percent-encoding", rawBasic("printshop:%zz")],
    ["percent-encoding that is not UTF-8", rawBasic("printshop:%FF")],
  ])("refuses %s as malformed", (_, header) => {
    expect(refusal(header)).toBe("malformed");
  });
});
