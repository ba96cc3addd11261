import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/jwks/route";
import { db } from "@/db";

/** Fetches the JWK Set the way a resource server would. */
async function fetchJwks(): Promise<{ response: Response; jwks: JSONWebKeySet }> {
  const response = await GET();
  return { response, jwks: (await response.json()) as JSONWebKeySet };
}

/**
 * Stores a signing key the way the server stores its own (kid = RFC 7638 thumbprint), retired at
 * the given time, and returns its kid.
 */
async function storeRetiredSigningKey(retiredAt: Date): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await db.signingKey.create({
    data: {
      kid,
      algorithm: "ES256",
      publicJwk: JSON.stringify({ ...publicJwk, kid, alg: "ES256", use: "sig" }),
      privateJwk: JSON.stringify(await exportJWK(privateKey)),
      retiredAt,
    },
  });
  return kid;
}

function secondsAgo(seconds: number): Date {
  return new Date(Date.now() - seconds * 1000);
}

describe("GET /jwks (RFC 7517, the jwks_uri of RFC 8414)", () => {
  it("publishes ES256 public keys whose kid is their RFC 7638 thumbprint, and no private part", async () => {
    const { response, jwks } = await fetchJwks();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);

    // RFC 7517 §5: a JWK Set is an object with a "keys" array.
    expect(Object.keys(jwks)).toEqual(["keys"]);
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
      expect(key.x).toEqual(expect.any(String));
      expect(key.y).toEqual(expect.any(String));
      expect(key.kid).toBe(await calculateJwkThumbprint(key));
      // RFC 7518 §6.2.2.1: "d" is the private key; it must never be published.
      expect(key).not.toHaveProperty("d");
    }
  });

  it("keeps its key in the database, so every fetch names the same kid", async () => {
    const first = await fetchJwks();
    const second = await fetchJwks();
    const firstKids = first.jwks.keys.map((key) => key.kid);

    expect(second.jwks.keys.map((key) => key.kid)).toEqual(firstKids);
    for (const kid of firstKids) {
      const row = await db.signingKey.findUnique({ where: { kid: kid ?? "" } });
      expect(row).toMatchObject({ kid, algorithm: "ES256" });
    }
  });

  it("may be cached, and read from any origin", async () => {
    const { response } = await fetchJwks();
    const directives = (response.headers.get("cache-control") ?? "").split(",").map((directive) => directive.trim());
    expect(directives).toContain("public");
    expect(directives).toContainEqual(expect.stringMatching(/^max-age=[1-9]\d*$/));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("still publishes a key retired less than one access-token lifetime ago", async () => {
    // Access tokens live 600 s: a token signed just before the key was retired is still valid,
    // and resource servers need the key to check it.
    const kid = await storeRetiredSigningKey(secondsAgo(60));
    const { jwks } = await fetchJwks();
    expect(jwks.keys.map((key) => key.kid)).toContain(kid);
    const published = jwks.keys.find((key) => key.kid === kid);
    expect(published).not.toHaveProperty("d");
  });

  it("stops publishing a key retired longer ago than any token it signed can live", async () => {
    const kid = await storeRetiredSigningKey(secondsAgo(3600));
    const { jwks } = await fetchJwks();
    expect(jwks.keys.map((key) => key.kid)).not.toContain(kid);
    // The current key is still there.
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
  });
});
