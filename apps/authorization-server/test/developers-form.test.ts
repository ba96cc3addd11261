// POST /developers/register: the Developers page's registration form (RFC 7591, for a person), a
// plain HTML form. Registration is open in this file, as in the demo;
// developers-form-protected.test.ts sets REGISTRATION_ACCESS_TOKEN.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as developersRegisterEndpoint } from "@/app/developers/register/route";
import { db } from "@/db";
import { registrationFormState } from "@/oauth/registration/form";
import { putRegistrationResult, takeRegistrationResult } from "@/oauth/registration/one-time-results";
import { hashSecret } from "@/secrets/secret-hash";
import { expectBackToForm, expectRegisteredPage, kioskForm, postRegistrationForm, withField } from "./developers-fixtures.ts";
import { issuer } from "./fixtures.ts";
import { storedClientCounts } from "./registration-fixtures.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /developers/register", () => {
  it("registers the client and sends the browser to a page that shows its secret once", async () => {
    const response = await postRegistrationForm(kioskForm);

    const id = expectRegisteredPage(response);
    const shown = await takeRegistrationResult(id);
    expect(shown).toMatchObject({
      client_id: expect.stringMatching(/^client-/),
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_name: "Workshop Kiosk",
      redirect_uris: ["https://kiosk.example/callback"],
      token_endpoint_auth_method: "client_secret_basic",
      grant_types: ["authorization_code", "refresh_token"],
      scope: "profile photos:read",
    });
    // A reload of the page finds nothing: the secret is shown once.
    expect(await takeRegistrationResult(id)).toBeUndefined();

    const secret = shown?.client_secret ?? "";
    expect(response.headers.get("location")).not.toContain(secret);
    const stored = await db.client.findUniqueOrThrow({ where: { id: shown?.client_id ?? "" } });
    expect(stored.secretHash).toBe(hashSecret(secret));
    expect(stored.secretHash).not.toBe(secret);
    expect(stored.selfRegistered).toBe(true);
  });

  it("registers a public client with the scopes checked, one redirect URI per line, and no refresh token", async () => {
    const form: [string, string][] = [
      ["client_name", "Photo Frame"],
      ["redirect_uris", "  https://frame.example/cb  \r\n\r\nhttp://localhost:8080/cb\n"],
      ["client_type", "public"],
      ["scope", "photos:read"],
    ];

    const shown = await takeRegistrationResult(expectRegisteredPage(await postRegistrationForm(form)));

    expect(shown).toMatchObject({
      redirect_uris: ["https://frame.example/cb", "http://localhost:8080/cb"],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code"],
      scope: "photos:read",
    });
    expect(shown).not.toHaveProperty("client_secret");
    const stored = await db.client.findUniqueOrThrow({ where: { id: shown?.client_id ?? "" } });
    expect(stored.secretHash).toBeNull();
  });

  it("sends an invalid redirect URI back to the form with its error and what was typed, and stores nothing", async () => {
    const before = await storedClientCounts();
    // An initial access token sent to an open server is ignored, and never carried back.
    const form = withField(withField(kioskForm, "redirect_uris", "http://kiosk.example/callback#top"), "initial_access_token", "typed-token");

    const query = expectBackToForm(await postRegistrationForm(form), "redirect_uris");

    expect(query.has("message")).toBe(false);
    expect(registrationFormState(Object.fromEntries(query)).error?.message).toMatch(/^redirect_uris\[0\] .*fragment/);
    expect(Object.fromEntries(query)).toMatchObject({
      client_name: "Workshop Kiosk",
      redirect_uris: "http://kiosk.example/callback#top",
      client_type: "confidential",
      scope: "profile photos:read",
      refresh_token: "on",
    });
    expect(query.has("initial_access_token")).toBe(false);
    expect(query.toString()).not.toContain("typed-token");
    expect(await storedClientCounts()).toEqual(before);
  });

  it("carries back exactly what the page shows again", async () => {
    const form: [string, string][] = [
      ["client_name", "Photo Frame"],
      ["redirect_uris", "https://frame.example/cb\nftp://frame.example/cb"],
      ["client_type", "public"],
      ["scope", "photos:write"],
    ];

    const query = expectBackToForm(await postRegistrationForm(form), "redirect_uris");

    expect(registrationFormState(Object.fromEntries(query))).toEqual({
      values: {
        client_name: "Photo Frame",
        redirect_uris: "https://frame.example/cb\nftp://frame.example/cb",
        client_type: "public",
        scopes: ["photos:write"],
        refresh_token: false,
      },
      error: { field: "redirect_uris", message: expect.stringMatching(/^redirect_uris\[1\] /) },
    });
  });

  it("shows no words of a crafted link: the message is worked out from the values", () => {
    const crafted = { field: "redirect_uris", message: "Your account is locked, call 555-0100" };
    const craftedWithValidValues = { ...crafted, client_name: "Kiosk", redirect_uris: "https://ok.example/cb", scope: "profile" };

    expect(registrationFormState(crafted).error?.message).not.toContain("555-0100");
    expect(registrationFormState(craftedWithValidValues).error).toBeUndefined();
  });

  it("names the scope field when no scope is checked", async () => {
    const form = kioskForm.filter(([name]) => name !== "scope");

    const query = expectBackToForm(await postRegistrationForm(form), "scope");

    expect(query.get("scope")).toBe("");
  });

  it("refuses a form sent from another site with a 403, and stores nothing", async () => {
    const before = await storedClientCounts();

    const response = await postRegistrationForm(kioskForm, { origin: "https://attacker.example" });

    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("location")).toBeNull();
    expect(await storedClientCounts()).toEqual(before);
  });

  it("answers a body that is not a form with a 400 page, and stores nothing", async () => {
    const before = await storedClientCounts();

    const response = await developersRegisterEndpoint(
      new Request(`${issuer}/developers/register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: issuer },
        body: JSON.stringify({ client_name: "Kiosk" }),
      }),
    );

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await storedClientCounts()).toEqual(before);
  });
});

describe("the one-time store of registration results", () => {
  it("forgets a result after 5 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const shown = await takeRegistrationResult(expectRegisteredPage(await postRegistrationForm(kioskForm)));
    const id = await putRegistrationResult(shown!);

    vi.advanceTimersByTime(5 * 60 * 1000);

    expect(await takeRegistrationResult(id)).toBeUndefined();
  });

  it("keeps a result for its page until then", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const shown = await takeRegistrationResult(expectRegisteredPage(await postRegistrationForm(kioskForm)));
    const id = await putRegistrationResult(shown!);

    vi.advanceTimersByTime(5 * 60 * 1000 - 1);

    expect(await takeRegistrationResult(id)).toEqual(shown);
  });

  it("stores the answer where every instance finds it, encrypted: the database holds neither the id nor the secret", async () => {
    const id = expectRegisteredPage(await postRegistrationForm(kioskForm));

    const [row] = await db.registrationResult.findMany({ where: { idHash: hashSecret(id) } });
    expect(row).toBeDefined();
    expect(JSON.stringify(await db.registrationResult.findMany())).not.toContain(id);
    const shown = await takeRegistrationResult(id);
    expect(row!.sealed).not.toContain(shown!.client_secret!);
    expect(row!.sealed).not.toContain(shown!.client_id);
    expect(await db.registrationResult.count({ where: { idHash: hashSecret(id) } })).toBe(0);
  });

  it("shows an answer to exactly one of two page views at once", async () => {
    const id = expectRegisteredPage(await postRegistrationForm(kioskForm));

    const views = await Promise.all([takeRegistrationResult(id), takeRegistrationResult(id)]);

    expect(views.filter((view) => view !== undefined)).toHaveLength(1);
  });

  it("opens nothing with another id", async () => {
    expectRegisteredPage(await postRegistrationForm(kioskForm));
    expect(await takeRegistrationResult("A".repeat(43))).toBeUndefined();
  });
});
