import { createDpopProof, generateDpopKeyPair, withoutSignature } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { describeDpopProof } from "./dpop-proof.ts";

describe("describeDpopProof (RFC 9449 §4.2)", () => {
  it("shows a resource server's proof: the header with the public key, then every claim explained, ath and nonce too", async () => {
    const proof = await createDpopProof(
      await generateDpopKeyPair(),
      { htm: "GET", htu: "http://localhost:3002/photos?page=2", accessToken: "eyJ.token.sig", nonce: "n-1" },
      new Date("2026-12-05T08:00:00Z"),
    );
    const shown = describeDpopProof(proof)!;
    expect(shown.signed).toBe(true);
    expect(shown.header.map((entry) => entry.name)).toEqual(["typ", "alg", "jwk"]);
    expect(shown.header[0]).toMatchObject({ value: "dpop+jwt", meaning: expect.stringContaining("DPoP proof") });
    expect(JSON.parse(shown.header[2]!.value)).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(shown.header[2]!.value).not.toContain('"d"');
    expect(shown.claims.map((entry) => entry.name)).toEqual(["jti", "htm", "htu", "iat", "ath", "nonce"]);
    expect(Object.fromEntries(shown.claims.map((entry) => [entry.name, entry.value]))).toMatchObject({
      htm: "GET",
      htu: "http://localhost:3002/photos",
      iat: expect.stringMatching(/^1796457600 \(\d\d:00:00\)$/),
      nonce: "n-1",
    });
    for (const entry of shown.claims) expect(entry.meaning).not.toBe("");
  });

  it("shows a recorded proof, kept without its signature, as unsigned", async () => {
    const proof = await createDpopProof(await generateDpopKeyPair(), { htm: "POST", htu: "http://localhost:3001/token" });
    const shown = describeDpopProof(withoutSignature(proof))!;
    expect(shown.signed).toBe(false);
    expect(shown.claims.map((entry) => entry.name)).toEqual(["jti", "htm", "htu", "iat"]);
  });

  it("keeps unknown members, unexplained and cut short, and finds nothing in what is not a JWT", () => {
    const header = btoa(JSON.stringify({ typ: "dpop+jwt", alg: "ES256", x5c: "A".repeat(400) })).replaceAll("=", "");
    const claims = btoa(JSON.stringify({ htm: "GET", extra: 1 })).replaceAll("=", "");
    const shown = describeDpopProof(`${header}.${claims}.`)!;
    expect(shown.header.at(-1)).toMatchObject({ name: "x5c", meaning: "" });
    expect(shown.header.at(-1)!.value).toHaveLength(301);
    expect(shown.claims.map((entry) => entry.name)).toEqual(["htm", "extra"]);
    expect(describeDpopProof("not a proof")).toBeNull();
  });
});
