// POST /developers/register on a server that requires an initial access token (RFC 7591 §3): the
// Developers page asks for it, and a refusal brings the form back without it.
import { describe, expect, it, vi } from "vitest";
import { registrationFormState } from "@/oauth/registration/form";
import { takeRegistrationResult } from "@/oauth/registration/one-time-results";
import { expectBackToForm, expectRegisteredPage, kioskForm, postRegistrationForm, withField } from "./developers-fixtures.ts";
import { storedClientCounts } from "./registration-fixtures.ts";

// The app reads its configuration when env.ts is first imported, so the token must be in the
// environment before any import below runs: vi.hoisted moves this above them.
const initialAccessToken = vi.hoisted(() => {
  const value = "workshop-initial-access-token-0123456789";
  // eslint-disable-next-line no-restricted-properties -- configuring the app under test, as test/setup.ts does
  process.env.REGISTRATION_ACCESS_TOKEN = value;
  return value;
});

describe("POST /developers/register with REGISTRATION_ACCESS_TOKEN set", () => {
  it("sends a form without the initial access token back, and stores nothing", async () => {
    const before = await storedClientCounts();

    const query = expectBackToForm(await postRegistrationForm(kioskForm), "initial_access_token");

    expect(query.get("client_name")).toBe("Workshop Kiosk");
    expect(await storedClientCounts()).toEqual(before);
  });

  it("sends a wrong initial access token back without it, and stores nothing", async () => {
    const before = await storedClientCounts();
    const wrongToken = `${initialAccessToken}-wrong`;

    const query = expectBackToForm(await postRegistrationForm(withField(kioskForm, "initial_access_token", wrongToken)), "initial_access_token");

    expect(registrationFormState(Object.fromEntries(query)).error).toEqual({
      field: "initial_access_token",
      message: "That is not the initial access token of this server.",
    });
    expect(query.has("initial_access_token")).toBe(false);
    expect(query.toString()).not.toContain(encodeURIComponent(initialAccessToken));
    expect(await storedClientCounts()).toEqual(before);
  });

  it("registers the client when the form carries the initial access token", async () => {
    const before = await storedClientCounts();

    const id = expectRegisteredPage(await postRegistrationForm(withField(kioskForm, "initial_access_token", initialAccessToken)));

    expect((await takeRegistrationResult(id))?.client_name).toBe("Workshop Kiosk");
    expect(await storedClientCounts()).toEqual({ clients: before.clients + 1, redirectUris: before.redirectUris + 1 });
  });
});
