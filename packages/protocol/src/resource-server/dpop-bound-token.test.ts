import { describe, expect, it } from "vitest";
import { CheckTrail } from "../checks/check.ts";
import { InvalidDpopProof } from "../dpop/errors.ts";
import { checkDpopBinding, readAccessTokenCredentials } from "./dpop-bound-token.ts";
import { InvalidBearerRequest, InvalidToken } from "./errors.ts";

const jkt = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";
const other = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

const request = (authorization?: string) =>
  new Request("https://api.example/photos", { headers: authorization ? { authorization } : {} });

describe("readAccessTokenCredentials", () => {
  it("reads Bearer and DPoP credentials, with their scheme", async () => {
    expect(await readAccessTokenCredentials(request("Bearer abc.def"))).toEqual({ scheme: "bearer", token: "abc.def" });
    expect(await readAccessTokenCredentials(request("DPoP abc.def"))).toEqual({ scheme: "dpop", token: "abc.def" });
    expect(await readAccessTokenCredentials(request("dpop abc"))).toEqual({ scheme: "dpop", token: "abc" });
  });

  it("finds none without credentials or with another scheme, and refuses a malformed DPoP header", async () => {
    expect(await readAccessTokenCredentials(request())).toBeNull();
    expect(await readAccessTokenCredentials(request("Basic YWxh"))).toBeNull();
    await expect(readAccessTokenCredentials(request("DPoP a b"))).rejects.toBeInstanceOf(InvalidBearerRequest);
  });
});

describe("checkDpopBinding", () => {
  const check = (binding: Parameters<typeof checkDpopBinding>[1]) => () => checkDpopBinding(new CheckTrail(), binding);

  it("lets a bound token through with a proof of its key, and an unbound one as Bearer", () => {
    expect(check({ scheme: "dpop", boundJkt: jkt, proofJkt: jkt })).not.toThrow();
    expect(check({ scheme: "bearer" })).not.toThrow();
  });

  it("refuses a bound token presented as Bearer, with invalid_token", () => {
    expect(check({ scheme: "bearer", boundJkt: jkt })).toThrow(InvalidToken);
  });

  it("refuses a bound token with a proof of another key, with invalid_dpop_proof", () => {
    expect(check({ scheme: "dpop", boundJkt: jkt, proofJkt: other })).toThrow(InvalidDpopProof);
  });

  it("refuses an unbound token presented as DPoP, with invalid_token", () => {
    expect(check({ scheme: "dpop", proofJkt: jkt })).toThrow(InvalidToken);
  });
});
