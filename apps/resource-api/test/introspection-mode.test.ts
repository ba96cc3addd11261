// With TOKEN_VALIDATION=introspection, the API asks the authorization server about every token
// (RFC 7662) instead of checking it itself: a revoked token fails at once.
import { createDpopProof, dpopJktOf, generateDpopKeyPair, parseDpopChallenge } from "@seven-steps/protocol";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeAuthorizationServer as server, audience } from "./fake-authorization-server.ts";
import { apiRequest, noParams, subjectOf } from "./fixtures.ts";

// The app reads its configuration once, at import: switch the mode, then import it afresh.
process.env.TOKEN_VALIDATION = "introspection";
vi.resetModules();
const { GET } = await import("@/app/photos/route");

const token = "an-opaque-looking-access-token";

async function activeAnswer(scope = "photos:read") {
  const now = Math.floor(Date.now() / 1000);
  return {
    active: true,
    iss: server.issuer,
    sub: await subjectOf("alice"),
    aud: audience,
    client_id: "printshop",
    scope,
    jti: "jti-introspected",
    iat: now,
    exp: now + 600,
    token_type: "Bearer",
  };
}

beforeEach(() => {
  server.introspect = () => ({ active: false });
});

describe("introspection mode", () => {
  it("serves the photos of an active token's subject, asking with the API's own credentials", async () => {
    const answer = await activeAnswer();
    server.introspect = (presented) => (presented === token ? answer : { active: false });
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { photos: unknown[] }).photos.length).toBeGreaterThan(0);
    expect(server.introspectionAuthorizations.at(-1)).toBe(`Basic ${btoa("photocloud-api:photocloud-api-demo-secret")}`);
  });

  it("refuses at once a token the authorization server says is not active (revoked, expired, unknown)", async () => {
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="PhotoCloud API", error="invalid_token", error_description="The access token is not active: it was revoked, has expired, or is unknown.", resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"',
    );
  });

  it("still checks the scope the route needs", async () => {
    const answer = await activeAnswer("profile");
    server.introspect = () => answer;
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
  });

  it("answers 503 when the authorization server cannot be asked", async () => {
    server.down = true;
    try {
      const response = await GET(apiRequest("/photos", { token }), noParams);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toBe("temporarily_unavailable");
    } finally {
      server.down = false;
    }
  });

  it("takes the key a token is bound to from the answer's cnf (RFC 9449 §6.2): DPoP with that key's proof, never Bearer", async () => {
    const keyPair = await generateDpopKeyPair();
    const answer = { ...(await activeAnswer()), token_type: "DPoP", cnf: { jkt: await dpopJktOf(keyPair.publicKey) } };
    server.introspect = (presented) => (presented === token ? answer : { active: false });

    const asBearer = await GET(apiRequest("/photos", { token }), noParams);
    expect(asBearer.status).toBe(401);
    expect(parseDpopChallenge(asBearer.headers.get("www-authenticate"))).toMatchObject({ error: "invalid_token" });

    const proof = (nonce?: string) => createDpopProof(keyPair, { htm: "GET", htu: `${audience}/photos`, accessToken: token, nonce });
    const dpop = async (value: string) => GET(apiRequest("/photos", { headers: { authorization: `DPoP ${token}`, dpop: value } }), noParams);
    const nonce = (await dpop(await proof())).headers.get("dpop-nonce")!;
    expect((await dpop(await proof(nonce))).status).toBe(200);
  });
});
