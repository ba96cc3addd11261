// DPoP at the API (RFC 9449 §7, §9): Authorization: DPoP with a proof carrying ath and the API's
// nonce; a bound token refused as Bearer or with another key's proof; unbound tokens still work
// as Bearer; the replay cache shared by every instance.
import { createDpopProof, dpopJktOf, generateDpopKeyPair, parseDpopChallenge } from "@seven-steps/protocol";
import { base64url, decodeJwt } from "jose";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { GET, POST as createPhoto } from "@/app/photos/route";
import { db } from "@/db";
import { deleteExpiredDpopProofs } from "@/storage/dpop-proofs";
import { deleteCreatedPhotos, refusal } from "./assertions.ts";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { api, apiRequest, noParams, subjectOf } from "./fixtures.ts";

const photosUrl = `${api}/photos`;

afterEach(deleteCreatedPhotos);

/** A token for alice bound to `keyPair` (cnf.jkt, RFC 9449 §6.1), or unbound without one. */
async function tokenFor(keyPair?: CryptoKeyPair, scope = "photos:read"): Promise<string> {
  const claims = keyPair ? { cnf: { jkt: await dpopJktOf(keyPair.publicKey) } } : {};
  return fakeAuthorizationServer.issueToken(await subjectOf("alice"), scope, { claims });
}

/** GET /photos with `Authorization: DPoP` and the given proof. */
function dpopList(token: string, proof: string | undefined, url = photosUrl): Promise<Response> {
  return GET(new Request(url, { headers: { authorization: `DPoP ${token}`, ...(proof === undefined ? {} : { dpop: proof }) } }), noParams);
}

/** The API's current nonce, as a first DPoP request without one learns it (RFC 9449 §9). */
async function nonceOf(token: string, keyPair: CryptoKeyPair): Promise<string> {
  const response = await dpopList(token, await createDpopProof(keyPair, { htm: "GET", htu: photosUrl, accessToken: token }));
  return response.headers.get("dpop-nonce")!;
}

/** A proof for GET /photos with `token`, carrying the API's nonce. */
async function proofFor(keyPair: CryptoKeyPair, token: string, extra: { htu?: string; htm?: string; nonce?: string } = {}): Promise<string> {
  const nonce = extra.nonce ?? (await nonceOf(token, keyPair));
  return createDpopProof(keyPair, { htm: extra.htm ?? "GET", htu: extra.htu ?? photosUrl, accessToken: token, nonce });
}

/** The DPoP challenge of a refusal, read as a client reads it. */
function dpopChallengeOf(response: Response) {
  return parseDpopChallenge(response.headers.get("www-authenticate"));
}

describe("Authorization: DPoP with a proof (RFC 9449 §7.1)", () => {
  it("asks first for the API's nonce: 401 use_dpop_nonce, with DPoP-Nonce (§9)", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const response = await dpopList(token, await createDpopProof(keyPair, { htm: "GET", htu: photosUrl, accessToken: token }));
    const refused = await refusal(response, { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: "use_dpop_nonce" });
    expect(dpopChallengeOf(response)).toMatchObject({
      error: "use_dpop_nonce",
      algs: "ES256",
      resource_metadata: "http://localhost:3002/.well-known/oauth-protected-resource",
    });
    expect(response.headers.get("dpop-nonce")).toMatch(/^\d+\.[\w-]{22}$/);
  });

  it("serves a bound token with a proof of its key carrying the nonce, and hands out a fresh nonce", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const response = await dpopList(token, await proofFor(keyPair, token));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { photos: unknown[] }).photos.length).toBeGreaterThan(0);
    expect(response.headers.get("dpop-nonce")).toMatch(/^\d+\.[\w-]{22}$/);
  });

  it("takes htu at the API's configured address, never at the request's Host", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const behindProxy = "http://10.0.0.7:8080/photos";
    const nonce = await nonceOf(token, keyPair);
    const forHost = await createDpopProof(keyPair, { htm: "GET", htu: behindProxy, accessToken: token, nonce });
    expect(dpopChallengeOf(await dpopList(token, forHost, behindProxy))).toMatchObject({ error: "invalid_dpop_proof" });
    const forApi = await createDpopProof(keyPair, { htm: "GET", htu: photosUrl, accessToken: token, nonce });
    expect((await dpopList(token, forApi, behindProxy)).status).toBe(200);
  });

  it("refuses a replayed proof, remembered in the database by its jti's hash", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const proof = await proofFor(keyPair, token);
    expect((await dpopList(token, proof)).status).toBe(200);
    const jtiHash = base64url.encode(createHash("sha256").update(String(decodeJwt(proof).jti)).digest());
    expect(await db.apiDpopProof.findUnique({ where: { jtiHash } })).not.toBeNull();

    const replayed = await dpopList(token, proof);
    expect(replayed.status).toBe(401);
    expect(dpopChallengeOf(replayed)).toMatchObject({ error: "invalid_dpop_proof", algs: "ES256" });
  });

  it.each([
    ["without a DPoP header", async () => undefined],
    ["malformed", async () => "not.a-proof"],
    ["for another method", async (keyPair: CryptoKeyPair, token: string) => proofFor(keyPair, token, { htm: "POST" })],
    ["for another URL", async (keyPair: CryptoKeyPair, token: string) => proofFor(keyPair, token, { htu: `${api}/me` })],
    [
      "whose ath is another token's",
      async (keyPair: CryptoKeyPair, token: string) =>
        createDpopProof(keyPair, { htm: "GET", htu: photosUrl, accessToken: `${token}x`, nonce: await nonceOf(token, keyPair) }),
    ],
    ["from another key than the token's", async (_: CryptoKeyPair, token: string) => proofFor(await generateDpopKeyPair(), token)],
  ])("refuses a proof %s with 401 invalid_dpop_proof", async (_, makeProof) => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const response = await dpopList(token, await makeProof(keyPair, token));
    const refused = await refusal(response, { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: "invalid_dpop_proof" });
    expect(dpopChallengeOf(response)).toMatchObject({ error: "invalid_dpop_proof", algs: "ES256" });
  });

  it("refuses a token bound to no key presented as DPoP, with invalid_token", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor();
    const response = await dpopList(token, await proofFor(keyPair, token));
    expect(response.status).toBe(401);
    expect(dpopChallengeOf(response)).toMatchObject({ error: "invalid_token", algs: "ES256" });
  });

  it("answers insufficient_scope (403) in the DPoP scheme", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair, "profile");
    const response = await dpopList(token, await proofFor(keyPair, token));
    expect(response.status).toBe(403);
    expect(dpopChallengeOf(response)).toMatchObject({ error: "insufficient_scope", scope: "photos:read" });
  });

  it("serves a POST with a proof for POST, and refuses there a proof for GET", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair, "photos:read photos:write");
    const nonce = await nonceOf(token, keyPair);
    const post = async (htm: string) => {
      const dpop = await createDpopProof(keyPair, { htm, htu: photosUrl, accessToken: token, nonce });
      return createPhoto(apiRequest("/photos", { method: "POST", body: { title: "Sunset" }, headers: { authorization: `DPoP ${token}`, dpop } }), noParams);
    };
    expect(dpopChallengeOf(await post("GET"))).toMatchObject({ error: "invalid_dpop_proof" });
    expect((await post("POST")).status).toBe(201);
  });
});

describe("a token bound to a key, presented as Bearer (RFC 9449 §7.2)", () => {
  it("is refused with 401 and the DPoP challenge: invalid_token, algs", async () => {
    const keyPair = await generateDpopKeyPair();
    const token = await tokenFor(keyPair);
    const response = await GET(apiRequest("/photos", { token }), noParams);
    const refused = await refusal(response, { token });
    expect(refused.status).toBe(401);
    expect(refused.challenge).toMatch(/^DPoP realm="PhotoCloud API", error="invalid_token", error_description="[^"]+", algs="ES256", resource_metadata="[^"]+"$/);
  });
});

describe("a token bound to no key", () => {
  it("keeps working as Bearer, with no DPoP-Nonce in the answer", async () => {
    const response = await GET(apiRequest("/photos", { token: await tokenFor() }), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("dpop-nonce")).toBeNull();
  });
});

describe("the API's replay cache", () => {
  it("deletes the proofs whose iat is too old to be accepted, and keeps the others", async () => {
    const now = new Date();
    await db.apiDpopProof.create({ data: { jtiHash: `expired-${now.getTime()}`, expiresAt: new Date(now.getTime() - 1000) } });
    await db.apiDpopProof.create({ data: { jtiHash: `live-${now.getTime()}`, expiresAt: new Date(now.getTime() + 60_000) } });
    expect(await deleteExpiredDpopProofs(now)).toBeGreaterThanOrEqual(1);
    expect(await db.apiDpopProof.findUnique({ where: { jtiHash: `expired-${now.getTime()}` } })).toBeNull();
    expect(await db.apiDpopProof.findUnique({ where: { jtiHash: `live-${now.getTime()}` } })).not.toBeNull();
  });
});
