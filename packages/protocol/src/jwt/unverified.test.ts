import { describe, expect, it } from "vitest";
import { checkClaimTypes, decodeUnverifiedJwt, readUnverifiedClaims, withoutSignature } from "./unverified.ts";

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: unknown, header: unknown = { alg: "ES256", typ: "at+jwt" }) => `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;

const good = {
  iss: "http://localhost:3001",
  sub: "5b7c1f3e-0000-4000-8000-000000000001",
  aud: "http://localhost:3002",
  exp: 1_800_000_000,
  iat: 1_799_999_400,
  jti: "019a0000-0000-7000-8000-000000000000",
  client_id: "printshop",
  scope: "profile photos:read",
};

describe("readUnverifiedClaims", () => {
  it("reads the claims of a well-formed token", () => {
    expect(readUnverifiedClaims(jwt(good))).toEqual(good);
  });

  it("accepts an audience given as an array, and claims it does not know", () => {
    expect(readUnverifiedClaims(jwt({ ...good, aud: ["a", "b"], extra: { nested: true } }))).toMatchObject({ aud: ["a", "b"] });
  });

  it.each([
    { claim: "jti", value: 1 },
    { claim: "jti", value: true },
    { claim: "jti", value: null },
    { claim: "jti", value: { id: "x" } },
    { claim: "jti", value: ["a"] },
    { claim: "jti", value: "" },
    { claim: "jti", value: "x".repeat(257) },
    { claim: "sub", value: 7 },
    { claim: "aud", value: { x: 1 } },
    { claim: "aud", value: Array.from({ length: 17 }, (_, index) => `aud-${index}`) },
    { claim: "exp", value: "tomorrow" },
    { claim: "exp", value: 1.5 },
    { claim: "exp", value: -1 },
    { claim: "exp", value: 1e300 },
    { claim: "scope", value: 5 },
    { claim: "client_id", value: false },
  ])("refuses a token whose $claim is $value", ({ claim, value }) => {
    const token = jwt({ ...good, [claim]: value });
    expect(readUnverifiedClaims(token)).toBeNull();
    expect(decodeUnverifiedJwt(token)?.wrongClaims).toEqual([claim]);
  });

  it.each(["", "a.b.c", "not a token", `${part({ alg: "none" })}.${part([1, 2])}.`, `${part({ alg: "none" })}.${part("text")}.`, "x".repeat(20_000)])(
    "refuses what is not a JWT: %s",
    (token) => {
      expect(readUnverifiedClaims(token)).toBeNull();
      expect(decodeUnverifiedJwt(token)).toBeNull();
    },
  );
});

describe("checkClaimTypes", () => {
  it("passes good claims and refuses a claim of the wrong type", () => {
    expect(checkClaimTypes(good)).toEqual(good);
    expect(checkClaimTypes({ ...good, jti: 1 })).toBeNull();
  });
});

describe("withoutSignature", () => {
  it("cuts the signature and keeps the header and claims decodable", () => {
    const token = jwt(good);
    const cut = withoutSignature(token);
    expect(cut).toBe(`${token.split(".").slice(0, 2).join(".")}.`);
    expect(decodeUnverifiedJwt(cut)).toMatchObject({ claims: good, signed: false });
    expect(decodeUnverifiedJwt(token)).toMatchObject({ signed: true });
  });

  it("leaves what is not a JWT as it is", () => {
    for (const value of ["opaque-refresh-token", "a.b", "a.b.c.d", "a b.c.d"]) expect(withoutSignature(value)).toBe(value);
  });
});
