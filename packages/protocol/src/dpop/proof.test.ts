import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, jwtVerify, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { createDpopProof, dpopAccessTokenHash, dpopJktOf, generateDpopKeyPair } from "./proof.ts";

describe("createDpopProof", () => {
  it("makes a dpop+jwt with the public key only, and the claims of RFC 9449 §4.2", async () => {
    const keyPair = await generateDpopKeyPair();
    const now = new Date("2026-12-05T07:00:00Z");
    const proof = await createDpopProof(keyPair, { htm: "GET", htu: "https://api.example/photos?page=2#x", accessToken: "tok", nonce: "n" }, now);
    const header = decodeProtectedHeader(proof);
    expect(header).toMatchObject({ typ: "dpop+jwt", alg: "ES256" });
    expect(Object.keys(header.jwk ?? {}).sort()).toEqual(["crv", "kty", "x", "y"]);
    const claims = decodeJwt(proof);
    expect(claims).toMatchObject({ htm: "GET", htu: "https://api.example/photos", iat: 1796454000, nonce: "n" });
    expect(claims.ath).toBe(await dpopAccessTokenHash("tok"));
    expect(claims.jti).toMatch(/^[\w-]{22}$/);
    await expect(jwtVerify(proof, await importJWK(header.jwk!, "ES256"))).resolves.toBeDefined();
  });

  it("makes a new jti for each proof", async () => {
    const keyPair = await generateDpopKeyPair();
    const claims = { htm: "POST", htu: "https://as.example/token" };
    expect(decodeJwt(await createDpopProof(keyPair, claims)).jti).not.toBe(decodeJwt(await createDpopProof(keyPair, claims)).jti);
  });
});

describe("dpopAccessTokenHash", () => {
  it("is the base64url SHA-256 of the token (RFC 9449 §7.1's example)", async () => {
    expect(await dpopAccessTokenHash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")).toBe("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
  });
});

describe("dpopJktOf", () => {
  it("is the RFC 7638 thumbprint of the public key, from a CryptoKey or a JWK", async () => {
    const keyPair = await generateDpopKeyPair();
    const jwk = await exportJWK(keyPair.publicKey);
    expect(await dpopJktOf(keyPair.publicKey)).toBe(await calculateJwkThumbprint(jwk, "sha256"));
    expect(await dpopJktOf(jwk)).toMatch(/^[\w-]{43}$/);
  });
});
