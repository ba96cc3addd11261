import { describe, expect, it } from "vitest";
import { GET } from "@/app/.well-known/oauth-authorization-server/route";
import { issuer } from "./fixtures.ts";

describe("GET /.well-known/oauth-authorization-server (RFC 8414)", () => {
  it("describes this server, and nothing it does not support", async () => {
    const response = await GET(new Request(`${issuer}/.well-known/oauth-authorization-server`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      registration_endpoint: `${issuer}/register`,
      revocation_endpoint: `${issuer}/revoke`,
      revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      introspection_endpoint: `${issuer}/introspect`,
      introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      scopes_supported: ["profile", "photos:read", "photos:write"],
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      dpop_signing_alg_values_supported: ["ES256"],
      pushed_authorization_request_endpoint: `${issuer}/par`,
      require_pushed_authorization_requests: false,
      service_documentation: `${issuer}/`,
    });
  });

  it("may be cached and read from any origin", async () => {
    const response = await GET(new Request(`${issuer}/.well-known/oauth-authorization-server`));
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
