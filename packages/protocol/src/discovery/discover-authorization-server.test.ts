import { describe, expect, it } from "vitest";
import { discoverAuthorizationServer, DiscoveryError } from "./discover-authorization-server.ts";

const issuer = "https://auth.test/tenant";

/** A fetch that answers the issuer's metadata URL with `metadata`, and records what it was asked. */
function serving(metadata: unknown, status = 200) {
  const fetched: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    fetched.push(url);
    if (url !== "https://auth.test/.well-known/oauth-authorization-server/tenant") return new Response("not found", { status: 404 });
    return Response.json(metadata, { status });
  }) as typeof globalThis.fetch;
  return { fetch, fetched };
}

const metadata = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ["code"],
};

/** The DiscoveryError the promise is rejected with. */
async function rejection(promise: Promise<unknown>): Promise<DiscoveryError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DiscoveryError)) throw new Error(`expected a DiscoveryError, got ${String(error)}`);
  return error;
}

describe("discoverAuthorizationServer", () => {
  it("returns the metadata of the issuer, fetched where RFC 8414 §3.1 puts it", async () => {
    const server = serving(metadata);
    expect(await discoverAuthorizationServer(issuer, { fetch: server.fetch })).toEqual(metadata);
    expect(server.fetched).toEqual(["https://auth.test/.well-known/oauth-authorization-server/tenant"]);
  });

  it("refuses metadata that names another issuer (RFC 8414 §3.3)", async () => {
    const server = serving({ ...metadata, issuer: "https://evil.test" });
    const error = await rejection(discoverAuthorizationServer(issuer, { fetch: server.fetch }));
    expect(error.code).toBe("issuer_mismatch");
    expect(error.message).toBe("The metadata of https://auth.test/tenant names another issuer, https://evil.test.");
  });

  it("refuses an issuer that differs only by a trailing slash", async () => {
    const server = serving({ ...metadata, issuer: `${issuer}/` });
    expect((await rejection(discoverAuthorizationServer(issuer, { fetch: server.fetch }))).code).toBe("issuer_mismatch");
  });

  it("calls an error status or a failed fetch unreachable", async () => {
    expect((await rejection(discoverAuthorizationServer(issuer, { fetch: serving(metadata, 503).fetch }))).code).toBe("unreachable");
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    expect((await rejection(discoverAuthorizationServer(issuer, { fetch: down }))).code).toBe("unreachable");
  });

  it("requires the authorization and token endpoints by default, and what the caller names otherwise", async () => {
    const { token_endpoint: _, ...withoutToken } = metadata;
    const server = serving(withoutToken);
    expect((await rejection(discoverAuthorizationServer(issuer, { fetch: server.fetch }))).code).toBe("missing_endpoint");
    expect(await discoverAuthorizationServer(issuer, { fetch: server.fetch, requiredEndpoints: ["jwks_uri"] })).toEqual(withoutToken);
    const introspection = discoverAuthorizationServer(issuer, { fetch: server.fetch, requiredEndpoints: ["introspection_endpoint"] });
    expect((await rejection(introspection)).code).toBe("missing_endpoint");
  });
});
