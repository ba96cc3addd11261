// Mallory's Prints API (attack 8) checks the tokens it receives as any resource server must, and
// keeps, for the run, only one meant for it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let signingKey: CryptoKey;
let jwks: unknown;
const server = createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  if (request.url === "/.well-known/oauth-authorization-server") {
    const issuer = process.env.ISSUER!;
    response.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }));
  } else response.end(JSON.stringify(jwks));
});

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  signingKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "ES256", use: "sig" }] };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.ISSUER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.ATTACKER_URL = "http://localhost:3003";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const runId = "prints-api-run-0123456789";

function tokenFor(aud: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: process.env.ISSUER, sub: "alice-sub", aud, iat: now, exp: now + 60, jti: crypto.randomUUID(), client_id: "printshop-weak", scope: "photos:read" })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "key-1" })
    .sign(signingKey);
}

async function order(token: string, run: string): Promise<Response> {
  const { GET } = await import("@/app/api/prints/route");
  return GET(new Request("http://localhost:3003/api/prints", { headers: { authorization: `Bearer ${token}`, "attack-run": run } }));
}

describe("Mallory's Prints API", () => {
  it("accepts a PhotoCloud token meant for it, and keeps it for the run", async () => {
    const token = await tokenFor("http://localhost:3003/api/prints");
    expect((await order(token, runId)).status).toBe(200);
    const { receivedToken } = await import("@/mallory/prints-api");
    expect(receivedToken(runId)).toBe(token);
  });

  it("refuses a token meant for another API, and keeps nothing", async () => {
    const response = await order(await tokenFor("http://localhost:3002"), "another-run-0123456789ab");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_token", error_description: "The access token is meant for another resource server." });
    const { receivedToken } = await import("@/mallory/prints-api");
    expect(receivedToken("another-run-0123456789ab")).toBeUndefined();
  });
});
