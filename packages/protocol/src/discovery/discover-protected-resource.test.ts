import { describe, expect, it } from "vitest";
import { DiscoveryError } from "./discover-authorization-server.ts";
import { discoverProtectedResource } from "./discover-protected-resource.ts";

const location = "https://api.example/.well-known/oauth-protected-resource";

function answering(body: unknown, status = 200): typeof fetch {
  return () => Promise.resolve(Response.json(body, { status }));
}

describe("discoverProtectedResource (RFC 9728 §3.3)", () => {
  it("returns the metadata of the expected resource", async () => {
    const metadata = { resource: "https://api.example", authorization_servers: ["https://as.example"], scopes_supported: ["photos:read"] };
    await expect(discoverProtectedResource(location, "https://api.example", { fetch: answering(metadata) })).resolves.toEqual(metadata);
  });

  it("refuses metadata that names another resource", async () => {
    const metadata = { resource: "https://evil.example", authorization_servers: ["https://evil.example"] };
    const failure = discoverProtectedResource(location, "https://api.example", { fetch: answering(metadata) });
    await expect(failure).rejects.toMatchObject({ code: "issuer_mismatch" });
  });

  it("refuses metadata without an authorization server", async () => {
    const failure = discoverProtectedResource(location, "https://api.example", { fetch: answering({ resource: "https://api.example" }) });
    await expect(failure).rejects.toMatchObject({ code: "missing_endpoint" });
  });

  it("reports an error status or a body that is not JSON as unreachable", async () => {
    await expect(discoverProtectedResource(location, "https://api.example", { fetch: answering({}, 404) })).rejects.toBeInstanceOf(DiscoveryError);
    const notJson: typeof fetch = () => Promise.resolve(new Response("<html>"));
    await expect(discoverProtectedResource(location, "https://api.example", { fetch: notJson })).rejects.toMatchObject({ code: "unreachable" });
  });
});
