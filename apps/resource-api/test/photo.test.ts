// One photo: GET, PATCH and DELETE /photos/{id}, and its picture at GET /photos/{id}/picture.
import { demoPhotos } from "@seven-steps/db/demo-data";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { DELETE, GET, PATCH } from "@/app/photos/[id]/route";
import { GET as GET_PICTURE } from "@/app/photos/[id]/picture/route";
import { refusal, storedPhoto, unknownPhotoId } from "./assertions.ts";
import { api, apiRequest, routeParams, seededPhotoIds, tokenFor } from "./fixtures.ts";

const noSuchPhoto = { status: 404, challenge: null, body: { error: "not_found", error_description: "There is no such photo." } };

function getPhoto(id: string, token: string): Promise<Response> {
  return GET(apiRequest(`/photos/${id}`, { token }), routeParams({ id }));
}

function patchPhoto(id: string, token: string, body: unknown): Promise<Response> {
  return PATCH(apiRequest(`/photos/${id}`, { token, method: "PATCH", body }), routeParams({ id }));
}

function deletePhoto(id: string, token: string): Promise<Response> {
  return DELETE(apiRequest(`/photos/${id}`, { token, method: "DELETE" }), routeParams({ id }));
}

describe("GET /photos/{id}", () => {
  it("answers one of the owner's photos with its fields", async () => {
    const id = seededPhotoIds("alice")[0]!;
    const seeded = demoPhotos.find((photo) => photo.id === id)!;
    const response = await getPhoto(id, await tokenFor("alice", "photos:read"));

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const row = await db.photo.findUniqueOrThrow({ where: { id } });
    expect(await response.json()).toEqual({
      id,
      title: seeded.title,
      motif: seeded.motif,
      palette: seeded.palette,
      taken_at: seeded.takenAt.toISOString(),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      picture_url: `${api}/photos/${id}/picture`,
    });
  });

  it("answers 404 not_found for an id no photo has", async () => {
    const response = await getPhoto(unknownPhotoId(), await tokenFor("alice", "photos:read"));
    expect(await refusal(response)).toEqual(noSuchPhoto);
  });

  it("answers 404 not_found for an id that is not even a UUID", async () => {
    const response = await getPhoto("not-a-uuid", await tokenFor("alice", "photos:read"));
    expect(await refusal(response)).toEqual(noSuchPhoto);
  });
});

describe("PATCH /photos/{id}", () => {
  it("changes only the fields given, and moves updated_at forward", async () => {
    const before = await storedPhoto("alice");
    const response = await patchPhoto(before.id, await tokenFor("alice", "photos:write"), { title: "Renamed", palette: "teal" });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const photo = await response.json();
    expect(photo).toMatchObject({
      id: before.id,
      title: "Renamed",
      palette: "teal",
      motif: before.motif,
      taken_at: before.takenAt.toISOString(),
      created_at: before.createdAt.toISOString(),
    });
    expect(Date.parse(photo.updated_at)).toBeGreaterThan(before.updatedAt.getTime());

    const after = await db.photo.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual({ ...before, title: "Renamed", palette: "teal", updatedAt: new Date(photo.updated_at) });
  });

  it("changes taken_at alone", async () => {
    const before = await storedPhoto("alice");
    const response = await patchPhoto(before.id, await tokenFor("alice", "photos:write"), { taken_at: "2026-10-31T23:00:00Z" });
    expect(response.status).toBe(200);
    expect((await response.json()).taken_at).toBe("2026-10-31T23:00:00.000Z");
    const after = await db.photo.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ title: before.title, motif: before.motif, palette: before.palette, takenAt: new Date("2026-10-31T23:00:00Z") });
  });

  it("refuses an empty change with 400, and changes nothing", async () => {
    const before = await storedPhoto("alice");
    const response = await patchPhoto(before.id, await tokenFor("alice", "photos:write"), {});
    expect(await refusal(response)).toEqual({
      status: 400,
      challenge: null,
      body: { error: "invalid_request", error_description: "The photo is invalid: name at least one field to change." },
    });
    expect(await db.photo.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });

  it("refuses a change with one invalid field with 400, and applies none of the others", async () => {
    const before = await storedPhoto("alice");
    const response = await patchPhoto(before.id, await tokenFor("alice", "photos:write"), { title: "Would be renamed", palette: "neon" });
    expect(await refusal(response)).toEqual({
      status: 400,
      challenge: null,
      body: {
        error: "invalid_request",
        error_description: "The photo is invalid: palette must be one of rose, sky, crimson, violet, amber, teal, terracotta.",
      },
    });
    expect(await db.photo.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });

  it("refuses a field that cannot be changed, such as the owner, and applies none of the others", async () => {
    const before = await storedPhoto("alice");
    const response = await patchPhoto(before.id, await tokenFor("alice", "photos:write"), { title: "Given away", ownerSub: "someone-else" });
    expect(await refusal(response)).toEqual({
      status: 400,
      challenge: null,
      body: { error: "invalid_request", error_description: "The photo is invalid: unknown field ownerSub." },
    });
    expect(await db.photo.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });

  it("answers 404 not_found for an id no photo has", async () => {
    const response = await patchPhoto(unknownPhotoId(), await tokenFor("alice", "photos:write"), { title: "Nobody's" });
    expect(await refusal(response)).toEqual(noSuchPhoto);
  });
});

describe("DELETE /photos/{id}", () => {
  it("deletes the photo with 204, and a second DELETE finds nothing", async () => {
    const photo = await storedPhoto("alice");
    const token = await tokenFor("alice", "photos:write");

    const response = await deletePhoto(photo.id, token);
    // RFC 9110 §15.3.5: 204 No Content has no body.
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await db.photo.findUnique({ where: { id: photo.id } })).toBeNull();

    expect(await refusal(await deletePhoto(photo.id, token))).toEqual(noSuchPhoto);
  });

  it("needs photos:write: a read-only token deletes nothing", async () => {
    const photo = await storedPhoto("alice");
    const token = await tokenFor("alice", "photos:read");
    const response = await deletePhoto(photo.id, token);
    expect((await refusal(response, { token })).status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('scope="photos:write"');
    expect(await db.photo.findUnique({ where: { id: photo.id } })).toEqual(photo);
  });
});

describe("GET /photos/{id}/picture", () => {
  it("draws the photo as SVG, with its title escaped for XML", async () => {
    const photo = await storedPhoto("alice", { title: `Tom & "Jerry" <3` });
    const response = await GET_PICTURE(
      apiRequest(`/photos/${photo.id}/picture`, { token: await tokenFor("alice", "photos:read") }),
      routeParams({ id: photo.id }),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    // An SVG opened on its own is a document that could run script; the policy forbids it.
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const svg = await response.text();
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("<title>Tom &amp; &quot;Jerry&quot; &lt;3</title>");
    expect(svg).not.toContain("<3");
  });

  it("answers 404 not_found for an id no photo has", async () => {
    const id = unknownPhotoId();
    const token = await tokenFor("alice", "photos:read");
    const response = await GET_PICTURE(apiRequest(`/photos/${id}/picture`, { token }), routeParams({ id }));
    expect(await refusal(response)).toEqual(noSuchPhoto);
  });
});
