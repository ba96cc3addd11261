// POST /register on a server that requires an initial access token (RFC 7591 §3): the token an
// operator hands to the developers allowed to register clients, sent as a Bearer token.
import { describe, expect, it, vi } from "vitest";
import { expectRegistered, expectRegistrationError, register, storedClientCounts } from "./registration-fixtures.ts";

// The app reads its configuration when env.ts is first imported, so the token must be in the
// environment before any import below runs: vi.hoisted moves this above them.
const initialAccessToken = vi.hoisted(() => {
  const value = "workshop-initial-access-token-0123456789";
  // eslint-disable-next-line no-restricted-properties -- configuring the app under test, as test/setup.ts does
  process.env.REGISTRATION_ACCESS_TOKEN = value;
  return value;
});

const kiosk = { client_name: "Kiosk", redirect_uris: ["https://kiosk.example/callback"] };

/**
 * RFC 6750 §3.1: the refusal names the Bearer scheme, and the error only when a token was
 * presented.
 */
async function expectInvalidToken(response: Response, tokenPresented = true) {
  const description = await expectRegistrationError(response, "invalid_token", 401);
  const realm = 'Bearer realm="PhotoCloud Accounts client registration"';
  expect(response.headers.get("www-authenticate")).toBe(
    tokenPresented ? `${realm}, error="invalid_token", error_description="${description}"` : realm,
  );
}

describe("POST /register with REGISTRATION_ACCESS_TOKEN set", () => {
  it("refuses a request without the initial access token, and stores nothing", async () => {
    const before = await storedClientCounts();

    await expectInvalidToken(await register(kiosk), false);
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses a wrong initial access token, and stores nothing", async () => {
    const before = await storedClientCounts();

    await expectInvalidToken(await register(kiosk, { headers: { authorization: `Bearer ${initialAccessToken}-wrong` } }));
    await expectInvalidToken(await register(kiosk, { headers: { authorization: "Bearer workshop" } }));
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses the right token under another scheme than Bearer", async () => {
    const before = await storedClientCounts();
    const basic = `Basic ${Buffer.from(`kiosk:${initialAccessToken}`).toString("base64")}`;

    // Not a Bearer token: as if none were presented.
    await expectInvalidToken(await register(kiosk, { headers: { authorization: basic } }), false);
    expect(await storedClientCounts()).toEqual(before);
  });

  it("checks the token before it reads the body", async () => {
    await expectInvalidToken(await register("{ not json", { headers: { authorization: "Bearer wrong-token" } }));
  });

  it("registers the client when the request carries the initial access token", async () => {
    const before = await storedClientCounts();

    const body = await expectRegistered(await register(kiosk, { headers: { authorization: `Bearer ${initialAccessToken}` } }));

    expect(body.client_name).toBe("Kiosk");
    expect(await storedClientCounts()).toEqual({ clients: before.clients + 1, redirectUris: before.redirectUris + 1 });
  });

  it("reads the scheme name without regard to case (RFC 9110 §11.1)", async () => {
    await expectRegistered(await register(kiosk, { headers: { authorization: `bearer ${initialAccessToken}` } }));
  });
});
