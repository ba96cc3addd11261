import { describe, expect, it } from "vitest";
import { authorizationServerMetadataPath, metadataUrl, protectedResourceMetadataUrl } from "./metadata-url.ts";

describe("metadataUrl", () => {
  it("places the metadata as RFC 8414 §3.1 says, also for an issuer with a path", () => {
    expect(metadataUrl("https://auth.example").href).toBe("https://auth.example/.well-known/oauth-authorization-server");
    expect(metadataUrl("https://auth.example/tenant").href).toBe(
      "https://auth.example/.well-known/oauth-authorization-server/tenant",
    );
  });

  it("keeps the port and drops nothing else of an origin", () => {
    expect(metadataUrl("http://localhost:3001").href).toBe(`http://localhost:3001${authorizationServerMetadataPath}`);
  });
});

describe("protectedResourceMetadataUrl (RFC 9728 §3.1)", () => {
  it("inserts the well-known path between the host and the path, and keeps a query", () => {
    expect(protectedResourceMetadataUrl("http://localhost:3002").href).toBe("http://localhost:3002/.well-known/oauth-protected-resource");
    expect(protectedResourceMetadataUrl("https://api.example/photos").href).toBe(
      "https://api.example/.well-known/oauth-protected-resource/photos",
    );
    expect(protectedResourceMetadataUrl("https://api.example/?tenant=a").href).toBe(
      "https://api.example/.well-known/oauth-protected-resource?tenant=a",
    );
  });
});
