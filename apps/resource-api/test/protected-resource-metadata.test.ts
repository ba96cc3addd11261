// Step 0: a client that knows only the API's URL calls it, reads the 401's challenge, and follows
// `resource_metadata` to the API's metadata, which names the authorization server (RFC 9728).
import { parseBearerChallenge, protectedResourceMetadataUrl } from "@seven-steps/protocol";
import { allPhotoScopes } from "@seven-steps/story";
import { describe, expect, it } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-protected-resource/route";
import { GET as photos } from "@/app/photos/route";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { apiRequest, noParams } from "./fixtures.ts";

describe("GET /.well-known/oauth-protected-resource (RFC 9728 §3)", () => {
  it("describes the API: its identifier, its authorization server, scopes, header-only tokens and name", async () => {
    const response = await metadata(apiRequest("/.well-known/oauth-protected-resource"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toMatchObject({
      resource: "http://localhost:3002",
      authorization_servers: [fakeAuthorizationServer.issuer],
      scopes_supported: [...allPhotoScopes],
      bearer_methods_supported: ["header"],
      dpop_signing_alg_values_supported: ["ES256"],
      resource_name: "PhotoCloud API",
    });
  });

  it("is where a 401 without a token says it is, at the well-known URL of the API's identifier (RFC 9728 §5.1, §3.1)", async () => {
    const refused = await photos(apiRequest("/photos"), noParams);
    expect(refused.status).toBe(401);
    const challenge = parseBearerChallenge(refused.headers.get("www-authenticate"));
    expect(challenge?.resource_metadata).toBe(protectedResourceMetadataUrl("http://localhost:3002").href);
    expect(challenge?.resource_metadata).toBe("http://localhost:3002/.well-known/oauth-protected-resource");
  });
});
