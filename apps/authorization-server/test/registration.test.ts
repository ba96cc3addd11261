// POST /register: Dynamic Client Registration (RFC 7591). Registration is open in this file, as in
// the demo: REGISTRATION_ACCESS_TOKEN is not set. registration-protected.test.ts sets it.
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { obtainTokens, token } from "./fixtures.ts";
import { asTestClient, expectRegistered, expectRegistrationError, register, storedClientCounts } from "./registration-fixtures.ts";
import { expectTokens } from "./token-assertions.ts";

/** Valid metadata for a web application; each test changes what it is about. */
const kiosk = { client_name: "Kiosk", redirect_uris: ["https://kiosk.example/callback"] };

/** The stored client, with its redirect URIs. */
function storedClient(clientId: string) {
  return db.client.findUnique({ where: { id: clientId }, include: { redirectUris: { orderBy: { id: "asc" } } } });
}

/** Registers the metadata, expects the error, and checks that nothing was stored. Returns the description. */
async function expectRefused(metadata: unknown, error: string): Promise<string> {
  const before = await storedClientCounts();
  const description = await expectRegistrationError(await register(metadata), error);
  expect(await storedClientCounts()).toEqual(before);
  return description;
}

describe("POST /register: a client registers itself (RFC 7591 §3.1)", () => {
  it("registers a confidential client, gives it a secret once, and stores only the secret's hash", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await register({
      client_name: "Kiosk",
      redirect_uris: ["https://kiosk.example/callback", "https://kiosk.example/other-callback"],
      grant_types: ["authorization_code", "refresh_token"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "profile photos:read photos:write",
    });

    // RFC 7591 §3.2.1: the client identifier, the secret with its expiry (0: never), and every
    // metadata value as registered.
    const body = await expectRegistered(response);
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(body).toEqual({
      client_id: expect.stringMatching(/^client-[A-Za-z0-9_-]{16}$/),
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_id_issued_at: expect.any(Number),
      client_secret_expires_at: 0,
      client_name: "Kiosk",
      redirect_uris: ["https://kiosk.example/callback", "https://kiosk.example/other-callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "profile photos:read photos:write",
      dpop_bound_access_tokens: false,
      require_pushed_authorization_requests: false,
    });
    expect(body.client_id_issued_at).toBeGreaterThanOrEqual(before);
    expect(body.client_id_issued_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

    const row = await storedClient(body.client_id);
    expect(row).toMatchObject({
      name: "Kiosk",
      secretHash: hashSecret(body.client_secret!),
      tokenEndpointAuthMethod: "client_secret_basic",
      allowedScopes: "profile photos:read photos:write",
      allowedGrantTypes: "authorization_code refresh_token",
      canIntrospect: false,
      // RFC 9700 §4.11.2: nobody has reviewed it; the consent screen says so.
      selfRegistered: true,
    });
    expect(row!.redirectUris.map((redirectUri) => redirectUri.uri)).toEqual(body.redirect_uris);
    expect(JSON.stringify(row)).not.toContain(body.client_secret);
  });

  it("registers a public client without a secret", async () => {
    const body = await expectRegistered(await register({ ...kiosk, token_endpoint_auth_method: "none" }));

    // RFC 7591 §3.2.1: client_secret and its expiry only for a client that has a secret.
    expect(body).not.toHaveProperty("client_secret");
    expect(body).not.toHaveProperty("client_secret_expires_at");
    expect(body.token_endpoint_auth_method).toBe("none");
    expect(await storedClient(body.client_id)).toMatchObject({ secretHash: null, tokenEndpointAuthMethod: "none" });
  });

  it("applies the defaults of RFC 7591 §2 and of this server to what the client left out", async () => {
    const body = await expectRegistered(await register(kiosk));

    expect(body).toMatchObject({
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "profile photos:read",
      client_secret: expect.any(String),
    });
    expect(await storedClient(body.client_id)).toMatchObject({
      allowedGrantTypes: "authorization_code",
      allowedScopes: "profile photos:read",
      tokenEndpointAuthMethod: "client_secret_basic",
    });
  });

  it("registers client_secret_post as the client's authentication method", async () => {
    const body = await expectRegistered(await register({ ...kiosk, token_endpoint_auth_method: "client_secret_post" }));

    expect(body.token_endpoint_auth_method).toBe("client_secret_post");
    expect(await storedClient(body.client_id)).toMatchObject({
      tokenEndpointAuthMethod: "client_secret_post",
      secretHash: hashSecret(body.client_secret!),
    });
  });

  it("registers a service client, with no redirect URI and no response type", async () => {
    // RFC 7591 §2.1: client_credentials does not use the authorization endpoint. Left out,
    // response_types would mean code (RFC 7591 §2), so the answer says [] explicitly.
    const body = await expectRegistered(
      await register({ client_name: "Nightly export", grant_types: ["client_credentials"], scope: "photos:read" }),
    );

    expect(body).toMatchObject({ grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "photos:read" });
    const row = await storedClient(body.client_id);
    expect(row).toMatchObject({ allowedGrantTypes: "client_credentials", allowedScopes: "photos:read" });
    expect(row!.redirectUris).toEqual([]);
  });

  it("accepts plain http for the loopback addresses only (RFC 8252 §7.3)", async () => {
    const redirectUris = ["http://localhost:8080/callback", "http://127.0.0.1/callback", "http://[::1]:3000/callback"];
    const body = await expectRegistered(await register({ ...kiosk, redirect_uris: redirectUris }));

    expect(body.redirect_uris).toEqual(redirectUris);
  });

  it("ignores metadata it does not understand (RFC 7591 §2)", async () => {
    const body = await expectRegistered(
      await register({
        ...kiosk,
        logo_uri: "https://kiosk.example/logo.png",
        contacts: ["ops@kiosk.example"],
        "client_name#fr": "Borne",
        software_id: 42,
      }),
    );

    expect(body.client_name).toBe("Kiosk");
    expect(body).not.toHaveProperty("logo_uri");
    expect(body).not.toHaveProperty("contacts");
    expect(body).not.toHaveProperty("software_id");
  });

  it("never switches a defence off for the client it registers, whatever the metadata asks", async () => {
    const body = await expectRegistered(await register({ ...kiosk, weakened_defences: "pkce-verifier", weakenedDefences: "pkce-verifier" }));

    // Only the seed's weak demo client has defences switched off for the attack lab.
    expect(await storedClient(body.client_id)).toMatchObject({ weakenedDefences: "" });
  });

  it("gives every registration its own client_id and secret", async () => {
    const first = await expectRegistered(await register(kiosk));
    const second = await expectRegistered(await register(kiosk));

    expect(second.client_id).not.toBe(first.client_id);
    expect(second.client_secret).not.toBe(first.client_secret);
  });
});

describe("POST /register refuses a bad redirect URI with invalid_redirect_uri (RFC 7591 §3.2.2)", () => {
  it.each([
    ["a relative URI", ["/callback"], "redirect_uris[0] must be an absolute URL, such as https://app.example/callback."],
    [
      "a URI with a fragment",
      ["https://kiosk.example/callback", "https://kiosk.example/callback#done"],
      "redirect_uris[1] must not contain a fragment.",
    ],
    [
      "http on a host that is not loopback",
      ["http://kiosk.example/callback"],
      "redirect_uris[0] must use https; plain http is allowed only for localhost, 127.0.0.1 or [::1].",
    ],
    [
      "a scheme other than https",
      ["kiosk-app:/callback"],
      "redirect_uris[0] must use https; plain http is allowed only for localhost, 127.0.0.1 or [::1].",
    ],
    [
      "a user name and password",
      ["https://kiosk:secret@kiosk.example/callback"],
      "redirect_uris[0] must not contain a user name or password.",
    ],
    ["something that is not a URL", ["not a url"], "redirect_uris[0] must be an absolute URL, such as https://app.example/callback."],
    ["a URI that is not a string", [42], "redirect_uris[0] must be a string."],
    [
      "the same URI twice",
      ["https://kiosk.example/a", "https://kiosk.example/b", "https://kiosk.example/a"],
      "redirect_uris[2] repeats redirect_uris[0].",
    ],
  ])("refuses %s, naming the URI by its index", async (_case, redirectUris, description) => {
    expect(await expectRefused({ ...kiosk, redirect_uris: redirectUris }, "invalid_redirect_uri")).toBe(description);
  });

  it("refuses an authorization code client without redirect URIs", async () => {
    const required = "redirect_uris is required with the authorization_code grant: codes are sent to one of these URIs.";
    expect(await expectRefused({ client_name: "Kiosk" }, "invalid_redirect_uri")).toBe(required);
    expect(await expectRefused({ client_name: "Kiosk", redirect_uris: [] }, "invalid_redirect_uri")).toBe(required);
  });
});

describe("POST /register refuses other bad metadata with invalid_client_metadata (RFC 7591 §3.2.2)", () => {
  it.each([
    ["a missing client_name", { redirect_uris: kiosk.redirect_uris }, /^client_name is required/],
    ["an empty client_name", { ...kiosk, client_name: "   " }, /^client_name must be 1 to 100 characters long\.$/],
    ["a client_name over 100 characters", { ...kiosk, client_name: "K".repeat(101) }, /^client_name must be 1 to 100 characters long\.$/],
    ["a client_name that is not a string", { ...kiosk, client_name: ["Kiosk"] }, /^client_name must be a string\.$/],
    [
      "an unknown token_endpoint_auth_method",
      { ...kiosk, token_endpoint_auth_method: "private_key_jwt" },
      /^token_endpoint_auth_method 'private_key_jwt' is not supported/,
    ],
    [
      "a public client with client_credentials",
      { ...kiosk, token_endpoint_auth_method: "none", grant_types: ["authorization_code", "client_credentials"] },
      /cannot use client_credentials/,
    ],
    [
      "an unknown grant type",
      { ...kiosk, grant_types: ["authorization_code", "implicit"] },
      /^grant_types\[1\] 'implicit' is not supported/,
    ],
    ["grant_types that is not an array", { ...kiosk, grant_types: "authorization_code" }, /^grant_types must be an array of strings\.$/],
    ["no grant type at all", { ...kiosk, grant_types: [] }, /^grant_types must list at least one grant type\.$/],
    [
      "refresh_token without authorization_code",
      { client_name: "Kiosk", grant_types: ["client_credentials", "refresh_token"] },
      /refresh_token without authorization_code/,
    ],
    [
      "response_types other than code with authorization_code",
      { ...kiosk, response_types: ["code", "token"] },
      /^response_types must be exactly code/,
    ],
    [
      "response_types without authorization_code",
      { client_name: "Kiosk", grant_types: ["client_credentials"], response_types: ["code"] },
      /^response_types must be left out/,
    ],
    [
      "a scope this server does not have",
      { ...kiosk, scope: "profile admin" },
      /^scope 'admin' is not a scope of this server; use profile, photos:read, photos:write\.$/,
    ],
    ["a malformed scope", { ...kiosk, scope: "profile  photos:read" }, /^scope is malformed/],
    ["a scope with a character RFC 6749 does not allow", { ...kiosk, scope: 'profile "photos"' }, /^scope is malformed/],
    ["an empty scope", { ...kiosk, scope: "" }, /^scope must name at least one scope\.$/],
    [
      "a require_pushed_authorization_requests that is not a boolean",
      { ...kiosk, require_pushed_authorization_requests: "true" },
      /^require_pushed_authorization_requests must be true or false\.$/,
    ],
    [
      "redirect_uris that is not an array",
      { ...kiosk, redirect_uris: "https://kiosk.example/callback" },
      /^redirect_uris must be an array of URIs\.$/,
    ],
  ])("refuses %s, naming the field", async (_case, metadata, description) => {
    expect(await expectRefused(metadata, "invalid_client_metadata")).toMatch(description);
  });
});

describe("POST /register: require_pushed_authorization_requests (RFC 9126 §6)", () => {
  it("registers it, echoes it, and stores it on the client", async () => {
    const body = await expectRegistered(await register({ ...kiosk, require_pushed_authorization_requests: true }));

    expect(body.require_pushed_authorization_requests).toBe(true);
    expect(await storedClient(body.client_id)).toMatchObject({ requirePushedAuthorizationRequests: true });
  });

  it("is false when left out", async () => {
    const body = await expectRegistered(await register(kiosk));

    expect(body.require_pushed_authorization_requests).toBe(false);
    expect(await storedClient(body.client_id)).toMatchObject({ requirePushedAuthorizationRequests: false });
  });
});

describe("POST /register refuses a body it cannot read", () => {
  it("refuses malformed JSON with invalid_request", async () => {
    const before = await storedClientCounts();
    const description = await expectRegistrationError(await register('{"client_name": "Kiosk",'), "invalid_request");

    expect(description).toBe("The request body is not valid JSON.");
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses JSON that is not an object", async () => {
    const before = await storedClientCounts();
    const description = await expectRegistrationError(await register([kiosk]), "invalid_request");

    expect(description).toBe("The request body must be a JSON object of client metadata.");
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses a body that is not application/json (RFC 7591 §3.1)", async () => {
    const before = await storedClientCounts();
    const form = new URLSearchParams({ client_name: "Kiosk", redirect_uris: "https://kiosk.example/callback" }).toString();
    const response = await register(form, { contentType: "application/x-www-form-urlencoded" });

    expect(await expectRegistrationError(response, "invalid_request")).toMatch(/application\/json/);
    expect(await storedClientCounts()).toEqual(before);
  });

  it("accepts application/json with a charset parameter", async () => {
    await expectRegistered(await register(kiosk, { contentType: "application/json; charset=utf-8" }));
  });

  it("refuses a body over 16 KiB without reading it whole", async () => {
    const before = await storedClientCounts();
    const response = await register({ ...kiosk, padding: "x".repeat(17 * 1024) });

    expect(await expectRegistrationError(response, "invalid_request")).toMatch(/larger than 16384 bytes/);
    expect(await storedClientCounts()).toEqual(before);
  });
});

describe("a client registered at POST /register", () => {
  it("signs a user in with the authorization code flow, and refreshes its tokens", async () => {
    const registered = await expectRegistered(
      await register({ ...kiosk, grant_types: ["authorization_code", "refresh_token"], scope: "profile photos:read" }),
    );
    const client = asTestClient(registered);

    const tokens = await obtainTokens(client, { scope: "profile photos:read" });

    expect(decodeJwt(tokens.access_token)).toMatchObject({ client_id: registered.client_id, scope: "profile photos:read" });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    await expectTokens(await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }), {
      scope: "profile photos:read",
    });
  });

  it("signs a user in as a public client, with PKCE and no secret", async () => {
    const registered = await expectRegistered(await register({ ...kiosk, token_endpoint_auth_method: "none" }));

    const tokens = await obtainTokens(asTestClient(registered));

    expect(decodeJwt(tokens.access_token).client_id).toBe(registered.client_id);
  });

  it("gets a token of its own with client_credentials", async () => {
    const registered = await expectRegistered(
      await register({
        client_name: "Nightly export",
        grant_types: ["client_credentials"],
        token_endpoint_auth_method: "client_secret_post",
        scope: "photos:read",
      }),
    );

    const response = await token(asTestClient(registered), { grant_type: "client_credentials", scope: "photos:read" });

    const body = await expectTokens(response, { scope: "photos:read" });
    expect(decodeJwt(body.access_token).sub).toBe(registered.client_id);
  });
});
