import { describe, expect, it } from "vitest";
import { InsufficientScope, InvalidToken } from "./errors.ts";
import { introspectAccessToken, IntrospectionUnavailable } from "./introspect-access-token.ts";

const audience = "http://localhost:3002";
const activeAnswer = {
  active: true,
  iss: "http://localhost:3001",
  sub: "user-1",
  aud: audience,
  client_id: "printshop",
  scope: "profile photos:read",
  jti: "token-1",
  iat: 1_000,
  exp: 2_000,
  token_type: "Bearer",
};

function endpoint(answer: unknown, status = 200) {
  const requests: Request[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Response.json(answer, { status });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

function introspect(answer: unknown, requiredScopes: string[] = [], status = 200) {
  const server = endpoint(answer, status);
  const result = introspectAccessToken("the-token", {
    introspectionEndpoint: "http://localhost:3001/introspect",
    client: { method: "client_secret_basic", clientId: "photocloud-api", clientSecret: "secret" },
    audience,
    requiredScopes,
    fetch: server.fetch,
  });
  return { result, server };
}

describe("introspectAccessToken (RFC 7662)", () => {
  it("asks with the resource server's credentials and returns the claims of an active token", async () => {
    const { result, server } = introspect(activeAnswer, ["photos:read"]);
    expect(await result).toMatchObject({ sub: "user-1", client_id: "printshop", scope: "profile photos:read", jti: "token-1" });
    const request = server.requests[0]!;
    expect(request.headers.get("authorization")).toBe(`Basic ${btoa("photocloud-api:secret")}`);
    expect(await request.text()).toBe("token=the-token&token_type_hint=access_token");
  });

  it("refuses an inactive token at once: revoked, expired or unknown", async () => {
    await expect(introspect({ active: false }).result).rejects.toEqual(
      new InvalidToken("The access token is not active: it was revoked, has expired, or is unknown."),
    );
  });

  it("refuses a token meant for another resource server", async () => {
    await expect(introspect({ ...activeAnswer, aud: "https://other.example" }).result).rejects.toBeInstanceOf(InvalidToken);
  });

  it("accepts a token meant for another resource server only when the attack lab switched the audience check off", async () => {
    const server = endpoint({ ...activeAnswer, aud: "https://other.example" }, 200);
    const options = {
      introspectionEndpoint: "http://localhost:3001/introspect",
      client: { method: "client_secret_basic" as const, clientId: "photocloud-api", clientSecret: "secret" },
      audience,
      fetch: server.fetch,
    };
    await expect(introspectAccessToken("the-token", { ...options, isWeakened: () => false })).rejects.toBeInstanceOf(InvalidToken);
    await expect(introspectAccessToken("the-token", { ...options, isWeakened: () => true })).resolves.toMatchObject({ aud: "https://other.example" });
  });

  it("answers insufficient_scope when a scope is missing", async () => {
    await expect(introspect(activeAnswer, ["photos:write"]).result).rejects.toBeInstanceOf(InsufficientScope);
  });

  it("reports an endpoint that refuses the resource server as unavailable, not as a bad token", async () => {
    await expect(introspect({ error: "invalid_client" }, [], 401).result).rejects.toBeInstanceOf(IntrospectionUnavailable);
  });
});
