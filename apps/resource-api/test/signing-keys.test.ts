// How the API gets the keys that access tokens are signed with: it reads the authorization
// server's metadata (RFC 8414 §3), follows its jwks_uri, caches the key set, and fetches it again
// only for a kid it does not know (RFC 9068 §4). Tokens are then checked locally, without asking
// the authorization server about each one.
import { afterEach, describe, expect, it, vi } from "vitest";
import { refusal } from "./assertions.ts";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { apiRequest, noParams, tokenFor } from "./fixtures.ts";

const metadataPath = "/.well-known/oauth-authorization-server";

/**
 * GET /photos of an API that has just started: a fresh copy of the route module, so its cache of
 * signing keys is empty, as after a restart. Each test starts its own.
 */
async function freshlyStartedApi(): Promise<(token: string) => Promise<Response>> {
  vi.resetModules();
  const { GET } = await import("@/app/photos/route");
  return (token) => GET(apiRequest("/photos", { token }), noParams);
}

/** Returns what the authorization server is asked for from now on. */
function watchFetches(): () => string[] {
  const start = fakeAuthorizationServer.fetched.length;
  return () => fakeAuthorizationServer.fetched.slice(start);
}

afterEach(() => {
  fakeAuthorizationServer.down = false;
  vi.restoreAllMocks();
});

describe("finding the signing keys", () => {
  it("fetches the metadata, then the JWKS it names, on the first request", async () => {
    const listPhotos = await freshlyStartedApi();
    const fetched = watchFetches();
    const response = await listPhotos(await tokenFor("alice", "photos:read"));
    expect(response.status).toBe(200);
    expect(fetched()).toEqual([metadataPath, "/jwks"]);
  });

  it("fetches the metadata and the JWKS once for requests that arrive together", async () => {
    const listPhotos = await freshlyStartedApi();
    const tokens = await Promise.all([tokenFor("alice", "photos:read"), tokenFor("bob", "photos:read"), tokenFor("alice", "photos:read")]);
    const fetched = watchFetches();
    const responses = await Promise.all(tokens.map(listPhotos));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(fetched()).toEqual([metadataPath, "/jwks"]);
  });

  it("fetches nothing more for later tokens signed with the same key", async () => {
    const listPhotos = await freshlyStartedApi();
    expect((await listPhotos(await tokenFor("alice", "photos:read"))).status).toBe(200);

    const fetched = watchFetches();
    expect((await listPhotos(await tokenFor("alice", "photos:read"))).status).toBe(200);
    expect((await listPhotos(await tokenFor("bob", "photos:read"))).status).toBe(200);
    expect(fetched()).toEqual([]);
  });

  it("still accepts tokens of a known key while the authorization server is down", async () => {
    const listPhotos = await freshlyStartedApi();
    expect((await listPhotos(await tokenFor("alice", "photos:read"))).status).toBe(200);

    fakeAuthorizationServer.down = true;
    const fetched = watchFetches();
    expect((await listPhotos(await tokenFor("bob", "photos:read"))).status).toBe(200);
    expect(fetched()).toEqual([]);
  });
});

describe("a key rotation", () => {
  it("is picked up when a token names the new kid, and the old key keeps working", async () => {
    const listPhotos = await freshlyStartedApi();
    const signedWithOldKey = await tokenFor("alice", "photos:read");
    expect((await listPhotos(signedWithOldKey)).status).toBe(200);

    await fakeAuthorizationServer.rotateKey();
    const fetched = watchFetches();
    const signedWithNewKey = await tokenFor("alice", "photos:read");
    expect((await listPhotos(signedWithNewKey)).status).toBe(200);
    // The metadata is still good; only the key set is fetched again, for the unknown kid.
    expect(fetched()).toEqual(["/jwks"]);

    expect((await listPhotos(signedWithOldKey)).status).toBe(200);
    expect((await listPhotos(signedWithNewKey)).status).toBe(200);
    expect(fetched()).toEqual(["/jwks"]);
  });
});

describe("an authorization server that cannot be reached", () => {
  it("makes the API answer 503 temporarily_unavailable, not invalid_token, until it is back", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const listPhotos = await freshlyStartedApi();
    const token = await tokenFor("alice", "photos:read");

    fakeAuthorizationServer.down = true;
    const fetched = watchFetches();
    const response = await listPhotos(token);
    // The token may be fine: the API just cannot check it. RFC 9110 §15.6.4: 503 with Retry-After.
    expect(await refusal(response, { token })).toEqual({
      status: 503,
      challenge: null,
      body: { error: "temporarily_unavailable", error_description: "The API cannot check access tokens right now; try again shortly." },
    });
    expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(fetched()).toEqual([metadataPath]);
    expect(logged).toHaveBeenCalledWith("resource-api: cannot validate tokens:", expect.stringContaining(fakeAuthorizationServer.issuer));

    fakeAuthorizationServer.down = false;
    const recovered = await listPhotos(token);
    expect(recovered.status).toBe(200);
    expect(fetched()).toEqual([metadataPath, metadataPath, "/jwks"]);
  });

  it("refuses metadata that names another issuer, and never fetches its keys (RFC 8414 §3.3)", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const listPhotos = await freshlyStartedApi();
    const token = await tokenFor("alice", "photos:read");
    const realIssuer = fakeAuthorizationServer.issuer;
    const fetched = watchFetches();
    // "The issuer value returned MUST be identical to the authorization server's issuer
    // identifier value into which the well-known URI string was inserted." The fake server
    // publishes whatever its `issuer` field holds.
    fakeAuthorizationServer.issuer = "https://impostor.example";
    let response: Response;
    try {
      response = await listPhotos(token);
    } finally {
      fakeAuthorizationServer.issuer = realIssuer;
    }
    expect((await refusal(response, { token })).body).toMatchObject({ error: "temporarily_unavailable" });
    expect(response.status).toBe(503);
    expect(fetched()).toEqual([metadataPath]);
    expect(logged).toHaveBeenCalledWith("resource-api: cannot validate tokens:", expect.stringContaining("https://impostor.example"));
  });

  it("makes a token with a new kid answer 503 while the key set cannot be fetched again", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const listPhotos = await freshlyStartedApi();
    expect((await listPhotos(await tokenFor("alice", "photos:read"))).status).toBe(200);

    await fakeAuthorizationServer.rotateKey();
    fakeAuthorizationServer.down = true;
    const token = await tokenFor("alice", "photos:read");
    const response = await listPhotos(token);
    expect((await refusal(response, { token })).body).toMatchObject({ error: "temporarily_unavailable" });
    expect(response.status).toBe(503);
    expect(logged).toHaveBeenCalled();

    fakeAuthorizationServer.down = false;
    expect((await listPhotos(token)).status).toBe(200);
  });
});
