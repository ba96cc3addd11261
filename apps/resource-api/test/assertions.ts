// Helpers shared by several test files: reading a refusal the way a client reads it, and making
// the photo rows a test changes.
import type { Photo } from "@seven-steps/db";
import { demoPhotos } from "@seven-steps/db/demo-data";
import { expect } from "vitest";
import { db } from "@/db";
import { subjectOf } from "./fixtures.ts";

/** A refusal as a client sees it: the status, the `WWW-Authenticate` challenge and the JSON body. */
export interface Refusal {
  status: number;
  challenge: string | null;
  body: unknown;
}

/**
 * Reads a refusal and checks what every refusal must do: it is never cached (`Cache-Control:
 * no-store`), its body is JSON, and neither its body nor any header repeats the access token
 * (RFC 6750 §5.3: a bearer token must not leak anywhere it could be picked up and replayed).
 */
export async function refusal(response: Response, { token }: { token?: string } = {}): Promise<Refusal> {
  const text = await response.text();
  expect(response.headers.get("cache-control"), "a refusal must not be cached").toBe("no-store");
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  if (token) {
    expect(text, "the body must not repeat the token").not.toContain(token);
    for (const [name, value] of response.headers) expect(value, `the ${name} header must not repeat the token`).not.toContain(token);
  }
  return { status: response.status, challenge: response.headers.get("www-authenticate"), body: JSON.parse(text) };
}

/** The ids of every seeded photo, whoever owns it. */
export const seededIds = demoPhotos.map((photo) => photo.id);

/** Removes the photos tests created, so that every member's album is back to the seeded one. */
export async function deleteCreatedPhotos(): Promise<void> {
  await db.photo.deleteMany({ where: { id: { notIn: seededIds } } });
}

/**
 * Stores a photo for a demo member directly, for a test that changes or deletes it. Its
 * `updatedAt` lies in the past, so that a change is seen to move it forward without waiting.
 */
export async function storedPhoto(owner: "alice" | "bob", fields: Partial<Pick<Photo, "title" | "motif" | "palette">> = {}): Promise<Photo> {
  const past = new Date("2026-01-01T00:00:00.000Z");
  return db.photo.create({
    data: {
      ownerSub: await subjectOf(owner),
      title: "A photo made for this test",
      motif: "clock",
      palette: "sky",
      takenAt: new Date("2025-12-24T18:00:00.000Z"),
      createdAt: past,
      updatedAt: past,
      ...fields,
    },
  });
}

/** An id in the shape of a photo id that no photo has. */
export function unknownPhotoId(): string {
  return crypto.randomUUID();
}
