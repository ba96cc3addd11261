import { describe, expect, it } from "vitest";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { generateDpopKeyPair } from "../dpop/proof.ts";
import { fetchWithDpopProof } from "./dpop-request.ts";

/** A server that asks for its nonce once, then answers 200; it keeps the proofs it received. */
function serverAskingForANonce(status: 400 | 401) {
  const proofs: string[] = [];
  const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
    const proof = new Headers(init.headers).get("dpop")!;
    proofs.push(proof);
    if (decodeJwt(proof).nonce === "server-nonce") return Response.json({ ok: true });
    const headers = { "DPoP-Nonce": "server-nonce" };
    return status === 400
      ? Response.json({ error: "use_dpop_nonce" }, { status, headers })
      : new Response(null, { status, headers: { ...headers, "WWW-Authenticate": 'DPoP error="use_dpop_nonce", algs="ES256"' } });
  };
  return { fetch, proofs };
}

describe("fetchWithDpopProof (RFC 9449 §4.1, §8, §9)", () => {
  it("sends a proof for the request, and again with the nonce a token endpoint asks for", async () => {
    const server = serverAskingForANonce(400);
    const response = await fetchWithDpopProof("https://as.example/token?x=1", { method: "POST" }, await generateDpopKeyPair(), { fetch: server.fetch });
    expect(response.status).toBe(200);
    expect(server.proofs).toHaveLength(2);
    expect(decodeProtectedHeader(server.proofs[0]!)).toMatchObject({ typ: "dpop+jwt", alg: "ES256" });
    expect(decodeJwt(server.proofs[0]!)).toMatchObject({ htm: "POST", htu: "https://as.example/token" });
    expect(decodeJwt(server.proofs[1]!).jti).not.toBe(decodeJwt(server.proofs[0]!).jti);
  });

  it("names the access token's hash in ath, and retries at a resource server's DPoP challenge", async () => {
    const server = serverAskingForANonce(401);
    const response = await fetchWithDpopProof("https://api.example/photos", { method: "GET" }, await generateDpopKeyPair(), {
      accessToken: "the-token",
      fetch: server.fetch,
    });
    expect(response.status).toBe(200);
    expect(decodeJwt(server.proofs[1]!)).toMatchObject({ nonce: "server-nonce", ath: expect.any(String) });
  });

  it("sends once when the server asks for nothing", async () => {
    const server = serverAskingForANonce(400);
    await fetchWithDpopProof("https://as.example/token", { method: "POST" }, await generateDpopKeyPair(), { nonce: "server-nonce", fetch: server.fetch });
    expect(server.proofs).toHaveLength(1);
  });
});
