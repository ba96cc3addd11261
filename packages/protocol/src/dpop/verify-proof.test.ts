import { base64url, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { CheckTrail } from "../checks/check.ts";
import { InvalidDpopProof, UseDpopNonce } from "./errors.ts";
import { DpopNonces } from "./nonce.ts";
import { createDpopProof, dpopJktOf, generateDpopKeyPair } from "./proof.ts";
import { dpopProofWindowSeconds, normalizeHtu, verifyDpopProof, type VerifyDpopProofOptions } from "./verify-proof.ts";

const tokenEndpoint = "https://as.example/token";
const now = new Date("2026-12-05T07:00:00Z");
const iat = Math.floor(now.getTime() / 1000);
let keyPair: CryptoKeyPair;
let publicJwk: JWK;

beforeAll(async () => {
  keyPair = await generateDpopKeyPair();
  const { kty, crv, x, y } = await exportJWK(keyPair.publicKey);
  publicJwk = { kty, crv, x, y };
});

/** A replay cache in memory, as the database tables are. */
function replayCache() {
  const seen = new Set<string>();
  return async (jtiHash: string) => {
    if (seen.has(jtiHash)) return false;
    seen.add(jtiHash);
    return true;
  };
}

function options(proof: string, overrides: Partial<VerifyDpopProofOptions> = {}): VerifyDpopProofOptions {
  return {
    checkedBy: "authorization-server",
    proof,
    request: { method: "POST", url: tokenEndpoint },
    isFirstUse: replayCache(),
    now,
    ...overrides,
  };
}

/** A proof signed by `keyPair`, with the given header and payload members changed. */
async function handMade(header: Record<string, unknown>, payload: Record<string, unknown>, key: CryptoKey | Uint8Array = keyPair.privateKey) {
  return new SignJWT({ jti: "a-jti", htm: "POST", htu: tokenEndpoint, iat, ...payload })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: publicJwk, ...header } as never)
    .sign(key);
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; description: string }> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return error as { code: string; description: string };
}

describe("verifyDpopProof", () => {
  it("accepts a proof made by createDpopProof, and returns its key's thumbprint", async () => {
    const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, now);
    const trail = new CheckTrail();
    const verified = await verifyDpopProof(options(proof, { trail }));
    expect(verified.jkt).toBe(await dpopJktOf(keyPair.publicKey));
    expect(verified.payload).toMatchObject({ htm: "POST", htu: tokenEndpoint, iat });
    expect(trail.runs.every((run) => run.outcome === "passed" && run.checkedBy === "authorization-server")).toBe(true);
    expect(trail.runs.map((run) => run.see)).toContain("https://www.rfc-editor.org/rfc/rfc9449#section-11.1");
  });

  it("accepts htu with a query, a fragment, another case of host and the default port (§4.3)", async () => {
    const proof = await handMade({}, { htu: "HTTPS://AS.example:443/token?x=1#frag" });
    await expect(verifyDpopProof(options(proof))).resolves.toBeDefined();
  });

  it.each([
    ["not a JWT", "not-a-jwt"],
    ["two proofs in one header", "a.b.c, d.e.f"],
    ["a header that is not JSON", `${base64url.encode("{nope")}.${base64url.encode("{}")}.sig`],
  ])("refuses a malformed proof: %s", async (_, proof) => {
    const error = await refusal(verifyDpopProof(options(proof)));
    expect(error).toBeInstanceOf(InvalidDpopProof);
    expect(error.code).toBe("invalid_dpop_proof");
  });

  it("refuses another typ, such as an access token's", async () => {
    const error = await refusal(verifyDpopProof(options(await handMade({ typ: "at+jwt" }, {}))));
    expect(error.description).toMatch(/typ/);
  });

  it("refuses alg none", async () => {
    const header = base64url.encode(JSON.stringify({ typ: "dpop+jwt", alg: "none", jwk: publicJwk }));
    const payload = base64url.encode(JSON.stringify({ jti: "x", htm: "POST", htu: tokenEndpoint, iat }));
    const error = await refusal(verifyDpopProof(options(`${header}.${payload}.`)));
    expect(error.code).toBe("invalid_dpop_proof");
    expect(error.description).toMatch(/ES256/);
  });

  it("refuses a symmetric algorithm (HS256), even with the secret in the jwk", async () => {
    const secret = new Uint8Array(32).fill(7);
    const proof = await handMade({ alg: "HS256", jwk: { kty: "oct", k: base64url.encode(secret) } }, {}, secret);
    const error = await refusal(verifyDpopProof(options(proof)));
    expect(error.description).toMatch(/signed with one of: ES256/);
  });

  it("refuses an asymmetric algorithm that is not advertised (ES384)", async () => {
    const other = await generateKeyPair("ES384");
    const proof = await handMade({ alg: "ES384", jwk: await exportJWK(other.publicKey) }, {}, other.privateKey);
    expect((await refusal(verifyDpopProof(options(proof)))).code).toBe("invalid_dpop_proof");
  });

  it("refuses a proof without a jwk", async () => {
    const error = await refusal(verifyDpopProof(options(await handMade({ jwk: undefined }, {}))));
    expect(error.description).toMatch(/public key in the jwk/);
  });

  it("refuses a jwk that carries the private key", async () => {
    const extractable = await generateKeyPair("ES256", { extractable: true });
    const privateJwk = await exportJWK(extractable.privateKey);
    const proof = await handMade({ jwk: privateJwk }, {}, extractable.privateKey);
    const error = await refusal(verifyDpopProof(options(proof)));
    expect(error.description).toMatch(/private key/);
  });

  it("refuses a proof signed by another key than its jwk", async () => {
    const other = await generateDpopKeyPair();
    const error = await refusal(verifyDpopProof(options(await handMade({}, {}, other.privateKey))));
    expect(error.description).toMatch(/signature/);
  });

  it.each([
    ["jti", { jti: undefined }],
    ["htm", { htm: undefined }],
    ["htu", { htu: 42 }],
    ["iat", { iat: "now" }],
    ["a jti too long", { jti: "x".repeat(257) }],
  ])("refuses a proof missing or mistyping %s", async (_, payload) => {
    const error = await refusal(verifyDpopProof(options(await handMade({}, payload))));
    expect(error.code).toBe("invalid_dpop_proof");
  });

  it("refuses a proof for another method", async () => {
    const proof = await createDpopProof(keyPair, { htm: "GET", htu: tokenEndpoint }, now);
    expect((await refusal(verifyDpopProof(options(proof)))).description).toMatch(/for GET, not POST/);
  });

  it.each([
    ["another path", "https://as.example/introspect"],
    ["another host", "https://attacker.example/token"],
    ["another scheme", "http://as.example/token"],
    ["another port", "https://as.example:8443/token"],
    ["not a URL", "/token"],
  ])("refuses a proof for another URL: %s", async (_, htu) => {
    const error = await refusal(verifyDpopProof(options(await handMade({}, { htu }))));
    expect(error.description).toMatch(/htu must be https:\/\/as.example\/token/);
  });

  it("refuses an expired proof, and one from the future, just past the window", async () => {
    const old = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, new Date(now.getTime() - (dpopProofWindowSeconds + 1) * 1000));
    expect((await refusal(verifyDpopProof(options(old)))).description).toMatch(/expired/);
    const future = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, new Date(now.getTime() + (dpopProofWindowSeconds + 1) * 1000));
    expect((await refusal(verifyDpopProof(options(future)))).description).toMatch(/future/);
  });

  it("accepts a proof at the edges of the window", async () => {
    for (const offset of [-dpopProofWindowSeconds, dpopProofWindowSeconds]) {
      const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, new Date(now.getTime() + offset * 1000));
      await expect(verifyDpopProof(options(proof))).resolves.toBeDefined();
    }
  });

  it("refuses a replayed proof, and remembers it until the end of its window", async () => {
    const isFirstUse = replayCache();
    const remembered: Date[] = [];
    const recording = async (hash: string, expiresAt: Date) => {
      remembered.push(expiresAt);
      return isFirstUse(hash);
    };
    const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, now);
    await verifyDpopProof(options(proof, { isFirstUse: recording }));
    const error = await refusal(verifyDpopProof(options(proof, { isFirstUse: recording })));
    expect(error.description).toMatch(/already used/);
    expect(remembered[0]?.getTime()).toBe((iat + dpopProofWindowSeconds + 1) * 1000);
  });

  it("does not remember a proof that is refused", async () => {
    let calls = 0;
    const proof = await createDpopProof(keyPair, { htm: "GET", htu: tokenEndpoint }, now);
    await refusal(verifyDpopProof(options(proof, { isFirstUse: async () => (calls += 1) > 0 })));
    expect(calls).toBe(0);
  });

  describe("at a resource server, with an access token", () => {
    const api = "https://api.example/photos";
    const resource = (proof: string, accessToken: string) =>
      options(proof, { checkedBy: "resource-server", request: { method: "GET", url: api }, accessToken });

    it("accepts a proof whose ath is the token's hash", async () => {
      const proof = await createDpopProof(keyPair, { htm: "GET", htu: `${api}?page=2`, accessToken: "the-token" }, now);
      await expect(verifyDpopProof(resource(proof, "the-token"))).resolves.toBeDefined();
    });

    it("refuses a proof without ath, or with another token's", async () => {
      const without = await createDpopProof(keyPair, { htm: "GET", htu: api }, now);
      expect((await refusal(verifyDpopProof(resource(without, "the-token")))).description).toMatch(/must carry ath/);
      const other = await createDpopProof(keyPair, { htm: "GET", htu: api, accessToken: "another-token" }, now);
      expect((await refusal(verifyDpopProof(resource(other, "the-token")))).description).toMatch(/ath does not match/);
    });
  });

  describe("with server nonces", () => {
    const nonces = new DpopNonces("a secret of at least thirty-two characters");

    it("asks for a nonce when the proof has none, with a fresh one", async () => {
      const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, now);
      const error = await refusal(verifyDpopProof(options(proof, { nonces, requireNonce: true })));
      expect(error).toBeInstanceOf(UseDpopNonce);
      expect(error.code).toBe("use_dpop_nonce");
      expect((error as UseDpopNonce).nonce).toBe(await nonces.current(now));
    });

    it("accepts the nonce it handed out, and refuses a stale or forged one", async () => {
      const nonce = await nonces.current(now);
      const good = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint, nonce }, now);
      await expect(verifyDpopProof(options(good, { nonces, requireNonce: true }))).resolves.toBeDefined();

      const stale = await nonces.current(new Date(now.getTime() - 20 * 60 * 1000));
      for (const bad of [stale, "0.AAAAAAAAAAAAAAAAAAAAAA", "not-a-nonce"]) {
        const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint, nonce: bad }, now);
        expect(await refusal(verifyDpopProof(options(proof, { nonces, requireNonce: true })))).toBeInstanceOf(UseDpopNonce);
      }
    });

    it("checks a nonce the proof carries even where none is required", async () => {
      const proof = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint, nonce: "1.AAAAAAAAAAAAAAAAAAAAAA" }, now);
      expect(await refusal(verifyDpopProof(options(proof, { nonces })))).toBeInstanceOf(UseDpopNonce);
      const plain = await createDpopProof(keyPair, { htm: "POST", htu: tokenEndpoint }, now);
      await expect(verifyDpopProof(options(plain, { nonces }))).resolves.toBeDefined();
    });
  });
});

describe("normalizeHtu", () => {
  it("normalises case, default ports, dot segments and escapes of unreserved characters, and drops query and fragment", () => {
    expect(normalizeHtu("HTTP://Example.COM:80/a/../token?x#y")).toBe("http://example.com/token");
    expect(normalizeHtu("https://example.com/%7Euser/%2f")).toBe("https://example.com/~user/%2F");
  });

  it("refuses what is not an http(s) URL", () => {
    expect(normalizeHtu("javascript:alert(1)")).toBeUndefined();
    expect(normalizeHtu("/relative")).toBeUndefined();
  });
});
