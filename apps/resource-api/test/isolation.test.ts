// Whose photos a request may touch is decided by one thing only: the `sub` of its access token.
// Another member's photo is answered exactly like a photo that does not exist, so a client can
// neither change it nor learn that it is there.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { GET as GET_PICTURE } from "@/app/photos/[id]/picture/route";
import { DELETE, GET as GET_ONE, PATCH } from "@/app/photos/[id]/route";
import { GET as LIST, POST } from "@/app/photos/route";
import { deleteCreatedPhotos, refusal, storedPhoto, unknownPhotoId } from "./assertions.ts";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { apiRequest, noParams, routeParams, seededPhotoIds, subjectOf, tokenFor } from "./fixtures.ts";

afterEach(deleteCreatedPhotos);

/** The ids a token lists at GET /photos. */
async function listedIds(token: string): Promise<string[]> {
  const response = await LIST(apiRequest("/photos", { token }), noParams);
  expect(response.status).toBe(200);
  return (await response.json()).photos.map((photo: { id: string }) => photo.id);
}

describe("GET /photos lists the token owner's photos only", () => {
  it("shows bob his own photos and none of alice's", async () => {
    const ids = await listedIds(await tokenFor("bob", "photos:read"));
    expect(new Set(ids)).toEqual(new Set(seededPhotoIds("bob")));
    for (const id of seededPhotoIds("alice")) expect(ids).not.toContain(id);
  });

  it("shows an empty album to a subject that owns no photos", async () => {
    // A client acting for itself (client credentials) has a sub of its own, and no album.
    const token = await fakeAuthorizationServer.issueToken("printshop-reports", "photos:read");
    expect(await listedIds(token)).toEqual([]);
  });
});

describe("another member's photo is answered 404, exactly like a photo that does not exist", () => {
  /** Each route that takes a photo id, called with bob's token. */
  const routes: [label: string, call: (id: string, token: string) => Promise<Response>][] = [
    ["GET /photos/{id}", (id, token) => GET_ONE(apiRequest(`/photos/${id}`, { token }), routeParams({ id }))],
    [
      "PATCH /photos/{id}",
      (id, token) => PATCH(apiRequest(`/photos/${id}`, { token, method: "PATCH", body: { title: "Bob was here" } }), routeParams({ id })),
    ],
    ["DELETE /photos/{id}", (id, token) => DELETE(apiRequest(`/photos/${id}`, { token, method: "DELETE" }), routeParams({ id }))],
    ["GET /photos/{id}/picture", (id, token) => GET_PICTURE(apiRequest(`/photos/${id}/picture`, { token }), routeParams({ id }))],
  ];

  it.each(routes)("%s of alice's photo with bob's token: 404 not_found, and alice's photo is untouched", async (_label, call) => {
    const alices = await storedPhoto("alice");
    const token = await tokenFor("bob");

    const response = await call(alices.id, token);
    const forAlicesPhoto = await refusal(response, { token });
    // Not 403: a 403 would tell bob that the id exists.
    expect(forAlicesPhoto).toEqual({
      status: 404,
      challenge: null,
      body: { error: "not_found", error_description: "There is no such photo." },
    });
    expect(await refusal(await call(unknownPhotoId(), token))).toEqual(forAlicesPhoto);

    expect(await db.photo.findUnique({ where: { id: alices.id } })).toEqual(alices);
  });
});

describe("a photo bob creates", () => {
  it("belongs to bob, and alice can neither see, change nor delete it", async () => {
    const bob = await tokenFor("bob");
    const created = await POST(apiRequest("/photos", { token: bob, method: "POST", body: { title: "Bob's new wall" } }), noParams);
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const row = await db.photo.findUniqueOrThrow({ where: { id } });
    expect(row.ownerSub).toBe(await subjectOf("bob"));

    const alice = await tokenFor("alice");
    expect(await listedIds(alice)).not.toContain(id);
    const asAlice = (method: string, body?: unknown) => apiRequest(`/photos/${id}`, { token: alice, method, body });
    expect((await GET_ONE(asAlice("GET"), routeParams({ id }))).status).toBe(404);
    expect((await PATCH(asAlice("PATCH", { title: "Alice's now" }), routeParams({ id }))).status).toBe(404);
    expect((await DELETE(asAlice("DELETE"), routeParams({ id }))).status).toBe(404);
    expect(await db.photo.findUnique({ where: { id } })).toEqual(row);

    expect(await listedIds(bob)).toContain(id);
  });
});
