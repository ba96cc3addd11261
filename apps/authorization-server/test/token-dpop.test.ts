// DPoP at the token endpoint (RFC 9449 §5): proofs checked, access tokens bound with cnf.jkt,
// codes bound by dpop_jkt (§10), public clients' refresh tokens bound to the key (§5), clients
// that must use DPoP (§5.2), nonces (§8), the replay cache (§11.1) and introspection (§6.2).
import { demoResourceServerClient } from "@seven-steps/db/demo-data";
import { asAnotherInstance } from "@seven-steps/db/testing";
import { createDpopProof, dpopJktOf, generateDpopKeyPair, type TokenResponse } from "@seven-steps/protocol";
import { base64url, decodeJwt } from "jose";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as introspect } from "@/app/introspect/route";
import { POST as tokenEndpoint } from "@/app/token/route";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { rememberDpopProof } from "@/storage/dpop-proofs";
import {
  alice,
  authorizationRequest,
  authorize,
  basic,
  formRequest,
  issuer,
  obtainCode,
  pkce,
  pushAuthorizationRequest,
  redirectParameters,
  registerClient,
  registerServiceClient,
  signIn,
  token,
  type TestClient,
} from "./fixtures.ts";
import { expectRegistered, expectRegistrationError, register } from "./registration-fixtures.ts";
import { expectTokenError } from "./token-assertions.ts";

const tokenUrl = `${issuer}/token`;

/** A proof for a POST to the token endpoint, made now unless told otherwise. */
function proof(keyPair: CryptoKeyPair, claims: { htu?: string; htm?: string; nonce?: string } = {}, now?: Date): Promise<string> {
  return createDpopProof(keyPair, { htm: claims.htm ?? "POST", htu: claims.htu ?? tokenUrl, nonce: claims.nonce }, now);
}

/** A successful DPoP token response: 200, token_type DPoP, and the access token bound to `keyPair`. */
async function expectBoundTokens(response: Response, keyPair: CryptoKeyPair): Promise<TokenResponse> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as TokenResponse;
  expect(body.token_type).toBe("DPoP");
  expect(decodeJwt(body.access_token).cnf).toEqual({ jkt: await dpopJktOf(keyPair.publicKey) });
  return body;
}

/** Redeems a code, with a proof when one is given. */
async function redeem(client: TestClient, issued: { code: string; verifier: string }, dpop?: string): Promise<Response> {
  const fields = { grant_type: "authorization_code", code: issued.code, redirect_uri: client.redirectUri, code_verifier: issued.verifier };
  return token(client, fields, { headers: dpop ? { dpop } : {} });
}

function refresh(client: TestClient, refreshToken: string, dpop?: string): Promise<Response> {
  return token(client, { grant_type: "refresh_token", refresh_token: refreshToken }, { headers: dpop ? { dpop } : {} });
}

describe("POST /token with a DPoP proof", () => {
  it("issues a DPoP token bound to the proof's key, with a fresh DPoP-Nonce, and remembers the proof's jti", async () => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    const dpop = await proof(keyPair);
    const response = await redeem(client, await obtainCode(client), dpop);

    expect(response.headers.get("dpop-nonce")).toMatch(/^\d+\.[\w-]{22}$/);
    const body = await expectBoundTokens(response, keyPair);
    expect(body.refresh_token).toEqual(expect.any(String));
    const jti = decodeJwt(dpop).jti!;
    const jtiHash = base64url.encode(createHash("sha256").update(jti).digest());
    const remembered = await db.dpopProof.findUniqueOrThrow({ where: { jtiHash } });
    expect(remembered.expiresAt.getTime()).toBe(((decodeJwt(dpop).iat ?? 0) + 61) * 1000);
  });

  it("still issues Bearer tokens without a proof", async () => {
    const client = await registerClient();
    const response = await redeem(client, await obtainCode(client));
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenResponse;
    expect(body.token_type).toBe("Bearer");
    expect(decodeJwt(body.access_token).cnf).toBeUndefined();
    expect(response.headers.get("dpop-nonce")).toBeNull();
  });

  it("refuses a replayed proof with invalid_dpop_proof, and leaves the code unused", async () => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    const dpop = await proof(keyPair);
    await expectBoundTokens(await redeem(client, await obtainCode(client), dpop), keyPair);

    const issued = await obtainCode(client);
    const body = await expectTokenError(await redeem(client, issued, dpop), "invalid_dpop_proof");
    expect(body.error_description).toMatch(/already used/);
    expect((await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(issued.code) } })).consumedAt).toBeNull();
  });

  it.each([
    ["malformed", async () => "not a proof"],
    ["for another method", async (keyPair: CryptoKeyPair) => proof(keyPair, { htm: "GET" })],
    ["for another endpoint", async (keyPair: CryptoKeyPair) => proof(keyPair, { htu: `${issuer}/introspect` })],
    ["expired", async (keyPair: CryptoKeyPair) => proof(keyPair, {}, new Date(Date.now() - 5 * 60_000))],
    ["from the future", async (keyPair: CryptoKeyPair) => proof(keyPair, {}, new Date(Date.now() + 5 * 60_000))],
  ])("refuses a proof %s with invalid_dpop_proof (400)", async (_, makeProof) => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    await expectTokenError(await redeem(client, await obtainCode(client), await makeProof(keyPair)), "invalid_dpop_proof");
  });

  it("compares htu with the token endpoint of its issuer, never with the request's Host", async () => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    const issued = await obtainCode(client);
    const fields = { grant_type: "authorization_code", code: issued.code, redirect_uri: client.redirectUri, code_verifier: issued.verifier };
    const sentTo = (dpop: string) =>
      tokenEndpoint(
        new Request("http://proxy.internal:8080/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client.id, client.secret!), dpop },
          body: new URLSearchParams(fields).toString(),
        }),
      );

    await expectTokenError(await sentTo(await proof(keyPair, { htu: "http://proxy.internal:8080/token" })), "invalid_dpop_proof");
    await expectBoundTokens(await sentTo(await proof(keyPair)), keyPair);
  });

  it("binds the token of client_credentials too", async () => {
    const client = await registerServiceClient();
    const keyPair = await generateDpopKeyPair();
    await expectBoundTokens(await token(client, { grant_type: "client_credentials", scope: "photos:read" }, { headers: { dpop: await proof(keyPair) } }), keyPair);
  });

  it("asks for a fresh nonce when a proof carries one that is stale or not this server's (use_dpop_nonce, §8), and accepts it then", async () => {
    const client = await registerServiceClient();
    const keyPair = await generateDpopKeyPair();
    const stale = await token(client, { grant_type: "client_credentials", scope: "photos:read" }, { headers: { dpop: await proof(keyPair, { nonce: "1.AAAAAAAAAAAAAAAAAAAAAA" }) } });
    await expectTokenError(stale, "use_dpop_nonce");
    const nonce = stale.headers.get("dpop-nonce");
    expect(nonce).toMatch(/^\d+\.[\w-]{22}$/);

    const retried = await token(client, { grant_type: "client_credentials", scope: "photos:read" }, { headers: { dpop: await proof(keyPair, { nonce: nonce! }) } });
    await expectBoundTokens(retried, keyPair);
  });
});

describe("a code bound to a DPoP key at the authorization request (dpop_jkt, RFC 9449 §10)", () => {
  it("is redeemed with a proof of that key, and refused (invalid_grant) without one or with another key", async () => {
    const client = await registerClient({ authMethod: "none" });
    const keyPair = await generateDpopKeyPair();
    const issued = await obtainCode(client, { extra: { dpop_jkt: await dpopJktOf(keyPair.publicKey) } });
    expect((await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(issued.code) } })).dpopJkt).toBe(
      await dpopJktOf(keyPair.publicKey),
    );

    expect((await expectTokenError(await redeem(client, issued), "invalid_grant")).error_description).toMatch(/bound to a DPoP key/);
    const other = await generateDpopKeyPair();
    expect((await expectTokenError(await redeem(client, issued, await proof(other)), "invalid_grant")).error_description).toMatch(/another key/);
    await expectBoundTokens(await redeem(client, issued, await proof(keyPair)), keyPair);
  });
});

describe("a pushed request with a DPoP proof (RFC 9449 §10.1)", () => {
  /** Pushes the client's standard request with a proof for /par; returns what /authorize needs. */
  async function pushWithProof(client: TestClient, keyPair: CryptoKeyPair, extra: Record<string, string> = {}) {
    const { verifier, challenge } = await pkce();
    const request = authorizationRequest(client, challenge, extra);
    const dpop = await createDpopProof(keyPair, { htm: "POST", htu: `${issuer}/par` });
    return { response: await pushAuthorizationRequest(client, request, { headers: { dpop } }), verifier };
  }

  it("binds the code to the proof's key, as dpop_jkt would, and hands out a nonce", async () => {
    const client = await registerClient({ authMethod: "none" });
    const keyPair = await generateDpopKeyPair();
    const { response, verifier } = await pushWithProof(client, keyPair);
    expect(response.status).toBe(201);
    expect(response.headers.get("dpop-nonce")).toMatch(/^\d+\.[\w-]{22}$/);
    const { request_uri: requestUri } = (await response.json()) as { request_uri: string };

    const cookie = await signIn(alice);
    const user = await db.user.findUniqueOrThrow({ where: { username: alice.username } });
    await db.consent.create({ data: { userId: user.id, clientId: client.id, scope: "profile photos:read" } });
    const code = redirectParameters(await authorize({ client_id: client.id, request_uri: requestUri }, cookie)).get("code")!;
    const stored = await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
    expect(stored.dpopJkt).toBe(await dpopJktOf(keyPair.publicKey));

    const issued = { code, verifier };
    await expectTokenError(await redeem(client, issued, await proof(await generateDpopKeyPair())), "invalid_grant");
    await expectBoundTokens(await redeem(client, issued, await proof(keyPair)), keyPair);
  });

  it("refuses a dpop_jkt that names another key than the proof's (invalid_request), and a proof for the token endpoint (invalid_dpop_proof)", async () => {
    const client = await registerClient({ authMethod: "none" });
    const keyPair = await generateDpopKeyPair();
    const other = await dpopJktOf((await generateDpopKeyPair()).publicKey);
    const { response } = await pushWithProof(client, keyPair, { dpop_jkt: other });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });

    const { challenge } = await pkce();
    const wrongHtu = await createDpopProof(keyPair, { htm: "POST", htu: tokenUrl });
    const refused = await pushAuthorizationRequest(client, authorizationRequest(client, challenge), { headers: { dpop: wrongHtu } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_dpop_proof" });
  });
});

describe("refresh tokens and DPoP (RFC 9449 §5)", () => {
  it("binds a public client's refresh tokens to its key: a refresh without a proof, or with another key, is refused and the grant stands", async () => {
    const client = await registerClient({ authMethod: "none" });
    const keyPair = await generateDpopKeyPair();
    const tokens = await expectBoundTokens(await redeem(client, await obtainCode(client), await proof(keyPair)), keyPair);
    const grant = await db.grant.findFirstOrThrow({ where: { clientId: client.id } });
    expect(grant.dpopJkt).toBe(await dpopJktOf(keyPair.publicKey));

    await expectTokenError(await refresh(client, tokens.refresh_token!), "invalid_grant");
    const other = await generateDpopKeyPair();
    await expectTokenError(await refresh(client, tokens.refresh_token!, await proof(other)), "invalid_grant");
    expect((await db.grant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();

    const renewed = await expectBoundTokens(await refresh(client, tokens.refresh_token!, await proof(keyPair)), keyPair);
    await expectBoundTokens(await refresh(client, renewed.refresh_token!, await proof(keyPair)), keyPair);
  });

  it("leaves a confidential client's refresh tokens unbound, and binds each new access token to the key its refresh proves", async () => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    const tokens = await expectBoundTokens(await redeem(client, await obtainCode(client), await proof(keyPair)), keyPair);
    expect((await db.grant.findFirstOrThrow({ where: { clientId: client.id } })).dpopJkt).toBeNull();

    const another = await generateDpopKeyPair();
    const renewed = await expectBoundTokens(await refresh(client, tokens.refresh_token!, await proof(another)), another);
    const plain = await refresh(client, renewed.refresh_token!);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as TokenResponse).token_type).toBe("Bearer");
  });
});

describe("a client registered with dpop_bound_access_tokens (RFC 9449 §5.2)", () => {
  it("registers with the member, which is echoed and stored; a non-boolean is refused", async () => {
    const metadata = { client_name: "Bound", redirect_uris: ["https://bound.example/cb"], token_endpoint_auth_method: "none" };
    const body = await expectRegistered(await register({ ...metadata, dpop_bound_access_tokens: true }));
    expect(body.dpop_bound_access_tokens).toBe(true);
    expect((await db.client.findUniqueOrThrow({ where: { id: body.client_id } })).dpopBoundAccessTokens).toBe(true);

    const description = await expectRegistrationError(await register({ ...metadata, dpop_bound_access_tokens: "yes" }), "invalid_client_metadata");
    expect(description).toMatch(/dpop_bound_access_tokens must be true or false/);
  });

  it("must send a proof: without one, invalid_request; with one, a bound token", async () => {
    const client = await registerClient({ authMethod: "none" });
    await db.client.update({ where: { id: client.id }, data: { dpopBoundAccessTokens: true } });
    const issued = await obtainCode(client);
    const body = await expectTokenError(await redeem(client, issued), "invalid_request");
    expect(body.error_description).toMatch(/dpop_bound_access_tokens/);
    const keyPair = await generateDpopKeyPair();
    await expectBoundTokens(await redeem(client, issued, await proof(keyPair)), keyPair);
  });
});

describe("introspection of a DPoP-bound token (RFC 9449 §6.2)", () => {
  it("reports token_type DPoP and the cnf of its key", async () => {
    const client = await registerClient();
    const keyPair = await generateDpopKeyPair();
    const tokens = await expectBoundTokens(await redeem(client, await obtainCode(client), await proof(keyPair)), keyPair);
    const response = await introspect(
      formRequest("/introspect", { token: tokens.access_token }, { origin: null, headers: { authorization: basic(demoResourceServerClient.id, demoResourceServerClient.secret) } }),
    );
    expect(await response.json()).toMatchObject({ active: true, token_type: "DPoP", cnf: { jkt: await dpopJktOf(keyPair.publicKey) } });
  });
});

describe("the replay cache (RFC 9449 §11.1)", () => {
  it("takes a jti once, even from two instances at the same moment", async () => {
    const other = await asAnotherInstance(() => import("@/storage/dpop-proofs"));
    const jtiHash = hashSecret(`jti-${Date.now()}`);
    const expiresAt = new Date(Date.now() + 61_000);
    const outcomes = await Promise.all([rememberDpopProof(jtiHash, expiresAt), other.rememberDpopProof(jtiHash, expiresAt)]);
    expect(outcomes.toSorted()).toEqual([false, true]);
    expect(await db.dpopProof.count({ where: { jtiHash } })).toBe(1);
  });
});
