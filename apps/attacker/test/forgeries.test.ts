import { createHmac } from "node:crypto";
import { base64url, createLocalJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, exportSPKI, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { forgeAccessTokens, type Forgery } from "@/mallory/forgeries";

let forgeries: Forgery[];
let mallorysToken: string;
let publicJwk: Awaited<ReturnType<typeof exportJWK>>;
let publicKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  publicKey = pair.publicKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "photocloud-key", alg: "ES256" };
  mallorysToken = await new SignJWT({ sub: "mallory-sub", scope: "photos:read", client_id: "printshop-weak" })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "photocloud-key" })
    .sign(pair.privateKey);
  forgeries = await forgeAccessTokens(mallorysToken, publicJwk, "alice-sub");
});

const byLabel = (start: string) => forgeries.find((forgery) => forgery.label.startsWith(start))!.token;

describe("Mallory's forged access tokens", () => {
  it("are four, each naming alice as its subject and keeping the rest of Mallory's claims", () => {
    expect(forgeries).toHaveLength(4);
    for (const { token } of forgeries) expect(decodeJwt(token)).toMatchObject({ sub: "alice-sub", scope: "photos:read", client_id: "printshop-weak" });
  });

  it("include an unsigned one, alg none", () => {
    const token = byLabel("alg: none");
    expect(decodeProtectedHeader(token).alg).toBe("none");
    expect(token.endsWith(".")).toBe(true);
  });

  it("include an HS256 one whose HMAC key is the published public key, in PEM form", async () => {
    const token = byLabel("HS256");
    const [header, payload, signature] = token.split(".");
    const pem = await exportSPKI(publicKey);
    expect(signature).toBe(createHmac("sha256", pem).update(`${header}.${payload}`).digest("base64url"));
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256", kid: "photocloud-key" });
  });

  it("include one signed by another key under PhotoCloud's kid, which the published key does not verify", async () => {
    const token = byLabel("ES256");
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "ES256", kid: "photocloud-key" });
    await expect(jwtVerify(token, createLocalJWKSet({ keys: [publicJwk] }))).rejects.toThrow();
  });

  it("include Mallory's real token with its payload edited and its signature kept", () => {
    const token = byLabel("her real token");
    const [header, payload, signature] = token.split(".");
    const [realHeader, realPayload, realSignature] = mallorysToken.split(".");
    expect([header, signature]).toEqual([realHeader, realSignature]);
    expect(payload).not.toBe(realPayload);
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(payload!)))).toMatchObject({ sub: "alice-sub" });
  });
});
