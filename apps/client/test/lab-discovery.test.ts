// Step 0 in the lab (RFC 9728, then RFC 8414): each answer is read and checked as a client must,
// and a wrong one stops the run with the reason. The browser's fetch is stood in for here.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  callWithoutTokenRequest,
  metadataRequest,
  sendCallWithoutToken,
  sendResourceMetadataRequest,
  sendServerMetadataRequest,
  serverMetadataRequest,
} from "@/lab/discovery-step";
import { nonceAskedFor } from "@/lab/dpop-request";

const api = "http://localhost:3002";
const issuer = "http://localhost:3001";
const resourceMetadataUrl = `${api}/.well-known/oauth-protected-resource`;

function answering(response: Response) {
  vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(response)));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("step 0, first message: the API called without a token", () => {
  it("asks for the photos with no Authorization header at all", () => {
    expect(callWithoutTokenRequest(api)).toEqual({ method: "GET", url: `${api}/photos`, headers: { accept: "application/json" } });
  });

  it("reads resource_metadata from the 401's challenge, Bearer and DPoP offered side by side", async () => {
    answering(
      Response.json(
        { message: "This request needs an access token." },
        {
          status: 401,
          headers: { "WWW-Authenticate": `Bearer realm="PhotoCloud API", resource_metadata="${resourceMetadataUrl}", DPoP algs="ES256"` },
        },
      ),
    );
    const read = await sendCallWithoutToken(callWithoutTokenRequest(api));
    expect(read).toMatchObject({ answer: { status: 401 }, found: { resourceMetadataUrl } });
  });

  it("stops when the API does not answer 401, or names no metadata", async () => {
    answering(Response.json({ photos: [] }));
    expect(await sendCallWithoutToken(callWithoutTokenRequest(api))).toMatchObject({ problem: expect.stringContaining("not 401") });
    answering(new Response(null, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="PhotoCloud API"' } }));
    expect(await sendCallWithoutToken(callWithoutTokenRequest(api))).toMatchObject({ problem: expect.stringContaining("resource_metadata") });
  });
});

describe("step 0, second message: the API's metadata (RFC 9728 §3.3)", () => {
  it("accepts metadata that describes the API the lab called, and finds its authorization server", async () => {
    answering(Response.json({ resource: api, authorization_servers: [issuer], scopes_supported: ["photos:read"] }));
    const read = await sendResourceMetadataRequest(metadataRequest(resourceMetadataUrl), api);
    expect(read).toMatchObject({ answer: { status: 200 }, found: { resource: api } });
    expect("found" in read && serverMetadataRequest(read.found)?.url).toBe(`${issuer}/.well-known/oauth-authorization-server`);
  });

  it("refuses metadata that describes another resource: it could send the token elsewhere", async () => {
    answering(Response.json({ resource: "https://evil.example", authorization_servers: ["https://evil.example"] }));
    const read = await sendResourceMetadataRequest(metadataRequest(resourceMetadataUrl), api);
    expect(read).toMatchObject({ answer: { status: 200 }, problem: expect.stringContaining("another resource") });
  });
});

describe("step 0, third message: the authorization server's metadata (RFC 8414 §3.3)", () => {
  it("refuses metadata that names another issuer than the one the API named", async () => {
    answering(Response.json({ issuer: "https://evil.example", authorization_endpoint: "x", token_endpoint: "y" }));
    const read = await sendServerMetadataRequest(metadataRequest(`${issuer}/.well-known/oauth-authorization-server`), issuer);
    expect(read).toMatchObject({ problem: expect.stringContaining("another issuer") });
  });
});

describe("nonceAskedFor (RFC 9449 §8, §9)", () => {
  it("finds the nonce a token endpoint asks for in its JSON error, and a resource server in its DPoP challenge", () => {
    expect(nonceAskedFor({ status: 400, headers: { "dpop-nonce": "n-1" }, body: { error: "use_dpop_nonce" } })).toBe("n-1");
    const challenge = 'DPoP error="use_dpop_nonce", error_description="Use the nonce", algs="ES256"';
    expect(nonceAskedFor({ status: 401, headers: { "dpop-nonce": "n-2", "www-authenticate": challenge }, body: null })).toBe("n-2");
  });

  it("finds none in another refusal, even with a DPoP-Nonce header, or without the header", () => {
    const challenge = 'DPoP error="invalid_dpop_proof", algs="ES256"';
    expect(nonceAskedFor({ status: 401, headers: { "dpop-nonce": "n-3", "www-authenticate": challenge }, body: null })).toBeNull();
    expect(nonceAskedFor({ status: 400, headers: {}, body: { error: "use_dpop_nonce" } })).toBeNull();
  });
});
