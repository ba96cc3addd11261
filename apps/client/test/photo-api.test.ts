// Steps 6 and 7 from PrintShop's side: how it calls the PhotoCloud API, and how it reads a refusal
// (RFC 6750 §3) so the page can explain it instead of swallowing it.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { listPhotos } from "@/photos/photo-api";
import { fakeAuthorizationServer as server } from "./fake-authorization-server.ts";
import { signedInSession } from "./fixtures.ts";

const defaultTokenAnswer = server.answer;

afterEach(() => {
  server.photos = () => ({ status: 200, body: { photos: [] } });
  server.answer = defaultTokenAnswer;
});

describe("listPhotos", () => {
  it("sends the access token in the Authorization header and returns the photos", async () => {
    server.photos = () => ({ status: 200, body: { photos: [{ id: "p1", title: "Tea", motif: "teacup", palette: "rose", taken_at: "2026-03-14T16:00:00Z" }] } });
    const result = await listPhotos(await signedInSession());
    expect(result).toMatchObject({ ok: true, value: [{ id: "p1", title: "Tea" }], scopes: ["profile", "photos:read"] });
    expect(server.apiAuthorizations.at(-1)).toBe("Bearer the-access-token");
  });

  it("explains a 403 insufficient_scope with the scope the API needs", async () => {
    server.photos = () => ({
      status: 403,
      headers: {
        "www-authenticate":
          'Bearer realm="PhotoCloud API", error="insufficient_scope", error_description="This request needs the scope photos:read.", scope="photos:read"',
      },
      body: { error: "insufficient_scope" },
    });
    expect(await listPhotos(await signedInSession())).toEqual({
      ok: false,
      problem: {
        kind: "refused",
        status: 403,
        error: "insufficient_scope",
        description: "This request needs the scope photos:read.",
        scope: "photos:read",
      },
    });
  });

  it("explains a 401 invalid_token with the API's description", async () => {
    server.photos = () => ({
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="PhotoCloud API", error="invalid_token", error_description="The access token has expired."' },
      body: { error: "invalid_token" },
    });
    expect(await listPhotos(await signedInSession())).toMatchObject({
      ok: false,
      problem: { kind: "refused", status: 401, error: "invalid_token", description: "The access token has expired." },
    });
  });

  it("says so when the PhotoCloud API does not answer", async () => {
    server.photos = () => "drop";
    expect(await listPhotos(await signedInSession())).toEqual({
      ok: false,
      problem: { kind: "unreachable", service: "the PhotoCloud API", reason: "It did not answer." },
    });
  });

  it("passes on the API's description of any other failure", async () => {
    server.photos = () => ({ status: 500, body: { error: "server_error", error_description: "The API met an unexpected error." } });
    expect(await listPhotos(await signedInSession())).toEqual({
      ok: false,
      problem: { kind: "failed", status: 500, description: "The API met an unexpected error." },
    });
  });

  it("renews a token the API refused as invalid, once, and tries again", async () => {
    let calls = 0;
    server.photos = () => {
      calls += 1;
      return calls === 1
        ? { status: 401, headers: { "www-authenticate": 'Bearer realm="PhotoCloud API", error="invalid_token", error_description="The access token has expired."' }, body: {} }
        : { status: 200, body: { photos: [] } };
    };
    server.answer = () => ({ status: 200, body: { access_token: "renewed-token", token_type: "Bearer", expires_in: 600, refresh_token: "next", scope: "profile photos:read" } });
    expect(await listPhotos(await signedInSession())).toMatchObject({ ok: true, value: [] });
    expect(server.apiAuthorizations.slice(-2)).toEqual(["Bearer the-access-token", "Bearer renewed-token"]);
  });

  it("asks the user to sign in again when the token was refused and its renewal too: the grant was revoked", async () => {
    server.photos = () => ({
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="PhotoCloud API", error="invalid_token", error_description="The access token is not active."' },
      body: {},
    });
    server.answer = () => ({ status: 400, body: { error: "invalid_grant", error_description: "The grant of this refresh token was revoked; sign in again." } });
    expect(await listPhotos(await signedInSession())).toEqual({
      ok: false,
      problem: {
        kind: "signed-out",
        reason: "PhotoCloud refused to renew PrintShop's access (invalid_grant: The grant of this refresh token was revoked; sign in again.)",
      },
    });
  });

  it("asks the user to sign in again when PrintShop's access has ended", async () => {
    const sid = await signedInSession();
    await db.clientSession.update({ where: { id: sid }, data: { endedAt: new Date(), endedReason: "The grant was revoked" } });
    expect(await listPhotos(sid)).toEqual({ ok: false, problem: { kind: "signed-out", reason: "The grant was revoked" } });
  });
});
