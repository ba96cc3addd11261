// GET /photos (scope photos:read) and POST /photos (scope photos:write): listing the token
// owner's album and adding to it, and how a bad request body is refused without writing anything.
import { demoPhotos } from "@seven-steps/db/demo-data";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { GET, POST } from "@/app/photos/route";
import { deleteCreatedPhotos, refusal } from "./assertions.ts";
import { api, apiRequest, noParams, seededPhotoIds, subjectOf, tokenFor } from "./fixtures.ts";

/** A timestamp as the API writes it: ISO 8601 in UTC, with milliseconds. */
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Every test that creates a photo leaves alice's album as the seed made it.
afterEach(deleteCreatedPhotos);

describe("GET /photos", () => {
  it("lists exactly the seeded photos of the token's owner, newest first", async () => {
    const response = await GET(apiRequest("/photos", { token: await tokenFor("alice", "photos:read") }), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { photos } = await response.json();

    expect(new Set(photos.map((photo: { id: string }) => photo.id))).toEqual(new Set(seededPhotoIds("alice")));
    const newestFirst = demoPhotos.filter((photo) => photo.owner === "alice").sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
    expect(photos).toEqual(
      newestFirst.map((photo) => ({
        id: photo.id,
        title: photo.title,
        motif: photo.motif,
        palette: photo.palette,
        taken_at: photo.takenAt.toISOString(),
        created_at: expect.stringMatching(isoTimestamp),
        updated_at: expect.stringMatching(isoTimestamp),
        picture_url: `http://localhost:3002/photos/${photo.id}/picture`,
      })),
    );
  });
});

describe("POST /photos", () => {
  it("creates a photo owned by the token's subject and answers 201 with its Location", async () => {
    const token = await tokenFor("alice", "photos:write");
    const sent = { title: "Down the rabbit hole", motif: "clock", palette: "violet", taken_at: "2026-08-01T10:30:00Z" };
    const response = await POST(apiRequest("/photos", { token, method: "POST", body: sent }), noParams);

    // RFC 9110 §15.3.2: 201 Created, with a Location naming the new resource.
    expect(response.status).toBe(201);
    const photo = await response.json();
    expect(response.headers.get("location")).toBe(`/photos/${photo.id}`);
    expect(photo).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      title: "Down the rabbit hole",
      motif: "clock",
      palette: "violet",
      taken_at: "2026-08-01T10:30:00.000Z",
      created_at: expect.stringMatching(isoTimestamp),
      updated_at: expect.stringMatching(isoTimestamp),
      picture_url: `${api}/photos/${photo.id}/picture`,
    });

    const row = await db.photo.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({
      ownerSub: await subjectOf("alice"),
      title: "Down the rabbit hole",
      motif: "clock",
      palette: "violet",
      takenAt: new Date("2026-08-01T10:30:00Z"),
    });
  });

  it("stores a taken_at with an offset as the same instant in UTC", async () => {
    const token = await tokenFor("alice", "photos:write");
    const response = await POST(
      apiRequest("/photos", { token, method: "POST", body: { title: "Tea at two", taken_at: "2026-08-01T14:00:00+02:00" } }),
      noParams,
    );
    expect(response.status).toBe(201);
    const photo = await response.json();
    expect(photo.taken_at).toBe("2026-08-01T12:00:00.000Z");
    expect((await db.photo.findUniqueOrThrow({ where: { id: photo.id } })).takenAt).toEqual(new Date("2026-08-01T12:00:00Z"));
  });

  it("fills in motif sun, palette amber and taken_at now when they are left out", async () => {
    const token = await tokenFor("alice", "photos:write");
    const before = Date.now();
    const response = await POST(apiRequest("/photos", { token, method: "POST", body: { title: "Just a title" } }), noParams);
    const after = Date.now();

    expect(response.status).toBe(201);
    const photo = await response.json();
    expect(photo).toMatchObject({ title: "Just a title", motif: "sun", palette: "amber" });
    const takenAt = Date.parse(photo.taken_at);
    expect(takenAt).toBeGreaterThanOrEqual(before);
    expect(takenAt).toBeLessThanOrEqual(after);
    const row = await db.photo.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({ motif: "sun", palette: "amber", takenAt: new Date(photo.taken_at) });
  });

  it("trims the title and accepts one of exactly 120 characters", async () => {
    const token = await tokenFor("alice", "photos:write");
    const title = "T".repeat(120);
    const response = await POST(apiRequest("/photos", { token, method: "POST", body: { title: `  ${title}  ` } }), noParams);
    expect(response.status).toBe(201);
    const photo = await response.json();
    expect(photo.title).toBe(title);
    expect((await db.photo.findUniqueOrThrow({ where: { id: photo.id } })).title).toBe(title);
  });
});

describe("POST /photos with a bad body writes nothing", () => {
  /** POST /photos with a raw body and content type, with a token that may write. */
  async function post(body: BodyInit, contentType = "application/json"): Promise<Response> {
    const token = await tokenFor("alice", "photos:write");
    return POST(
      new Request(`${api}/photos`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body }),
      noParams,
    );
  }

  const invalidPhoto = (problem: string) => ({ error: "invalid_request", error_description: `The photo is invalid: ${problem}.` });

  const cases: [label: string, send: () => Promise<Response>, status: number, body: { error: string; error_description: string }][] = [
    ["malformed JSON", () => post('{"title": "Half a'), 400, { error: "invalid_request", error_description: "The body is not valid JSON." }],
    [
      "a title that is a number",
      () => post(JSON.stringify({ title: 42 })),
      400,
      invalidPhoto("title Invalid input: expected string, received number"),
    ],
    [
      "a missing title",
      () => post(JSON.stringify({ motif: "sun" })),
      400,
      invalidPhoto("title Invalid input: expected string, received undefined"),
    ],
    ["an empty title", () => post(JSON.stringify({ title: "" })), 400, invalidPhoto("title must not be empty")],
    ["a title of only whitespace", () => post(JSON.stringify({ title: " \t\n " })), 400, invalidPhoto("title must not be empty")],
    [
      "a title of 121 characters",
      () => post(JSON.stringify({ title: "T".repeat(121) })),
      400,
      invalidPhoto("title must be at most 120 characters"),
    ],
    [
      "an unknown motif",
      () => post(JSON.stringify({ title: "A cat", motif: "cheshire-cat" })),
      400,
      invalidPhoto("motif must be one of teacup, clock, flower, mirror, scaffold, crane, bricks, sun"),
    ],
    [
      "an unknown palette",
      () => post(JSON.stringify({ title: "A cat", palette: "neon" })),
      400,
      invalidPhoto("palette must be one of rose, sky, crimson, violet, amber, teal, terracotta"),
    ],
    ["an unknown field", () => post(JSON.stringify({ title: "A cat", owner: "bob" })), 400, invalidPhoto("unknown field owner")],
    [
      "a taken_at that is not ISO 8601",
      () => post(JSON.stringify({ title: "A cat", taken_at: "yesterday at noon" })),
      400,
      invalidPhoto("taken_at must be an ISO 8601 date and time, such as 2026-05-21T11:15:00Z"),
    ],
    [
      "a taken_at on a day that does not exist",
      () => post(JSON.stringify({ title: "A cat", taken_at: "2026-02-30T12:00:00Z" })),
      400,
      invalidPhoto("taken_at must be an ISO 8601 date and time, such as 2026-05-21T11:15:00Z"),
    ],
    ["a JSON array", () => post(JSON.stringify([{ title: "A cat" }])), 400, invalidPhoto("Invalid input: expected object, received array")],
    ["JSON null", () => post("null"), 400, invalidPhoto("Invalid input: expected object, received null")],
    [
      "the content type text/plain",
      () => post(JSON.stringify({ title: "A cat" }), "text/plain"),
      415,
      { error: "unsupported_media_type", error_description: "Send the body as application/json." },
    ],
    [
      "a body over 8 KiB",
      () => post(JSON.stringify({ title: "A cat", padding: "x".repeat(8 * 1024) })),
      413,
      { error: "payload_too_large", error_description: "The request body is larger than 8192 bytes." },
    ],
    [
      "bytes that are not UTF-8",
      // {"title":"<0xff 0xfe>"}: two bytes that can never appear in UTF-8.
      () => post(new Uint8Array([...new TextEncoder().encode('{"title":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')])),
      400,
      { error: "invalid_request", error_description: "The request body is not valid UTF-8." },
    ],
  ];

  it.each(cases)("refuses %s", async (_label, send, status, body) => {
    const photosBefore = await db.photo.count();
    const response = await send();
    expect(await refusal(response)).toEqual({ status, challenge: null, body });
    expect(await db.photo.count()).toBe(photosBefore);
  });
});
