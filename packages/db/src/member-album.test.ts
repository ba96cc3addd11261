import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "./client.ts";
import { demoPhotos, demoUsers } from "./demo-data.ts";
import { createMemberAlbum, deleteMemberAlbums, memberAlbumPhotos } from "./member-album.ts";
import { createSeededDatabase } from "./testing.ts";

const database = getDatabase(await createSeededDatabase());
afterAll(() => database.$disconnect());

function member() {
  const sub = randomUUID();
  return { sub, username: `ada-${sub.slice(0, 8)}`, displayName: "Ada Lovelace" };
}

describe("a member's album at the PhotoCloud API", () => {
  it("is their profile under their sub and the sample photos, owned by that sub", async () => {
    const ada = member();

    await createMemberAlbum(database, ada);

    expect(await database.profile.findUnique({ where: { sub: ada.sub } })).toMatchObject({ username: ada.username, displayName: "Ada Lovelace" });
    const photos = await database.photo.findMany({ where: { ownerSub: ada.sub }, orderBy: { takenAt: "asc" } });
    expect(photos.map(({ title, motif, palette }) => ({ title, motif, palette }))).toEqual(
      memberAlbumPhotos.map(({ title, motif, palette }) => ({ title, motif, palette })),
    );
  });

  it("is created whole or not at all inside a transaction that fails", async () => {
    const ada = member();

    await expect(
      database.$transaction(async (transaction) => {
        await createMemberAlbum(transaction, ada);
        throw new Error("the account could not be stored");
      }),
    ).rejects.toThrow("the account could not be stored");

    expect(await database.profile.count({ where: { sub: ada.sub } })).toBe(0);
    expect(await database.photo.count({ where: { ownerSub: ada.sub } })).toBe(0);
  });

  it("is deleted with every photo of its member, and no one else's", async () => {
    const [ada, grace] = [member(), member()];
    await createMemberAlbum(database, ada);
    await createMemberAlbum(database, grace);
    await database.photo.create({ data: { ownerSub: ada.sub, title: "Added later", motif: "clock", palette: "rose", takenAt: new Date() } });

    const deleted = await deleteMemberAlbums(database, [ada.sub]);

    expect(deleted).toEqual({ profiles: 1, photos: memberAlbumPhotos.length + 1 });
    expect(await database.profile.count({ where: { sub: ada.sub } })).toBe(0);
    expect(await database.photo.count({ where: { ownerSub: grace.sub } })).toBe(memberAlbumPhotos.length);
    expect(await database.profile.count({ where: { username: { in: demoUsers.map((user) => user.username) } } })).toBe(demoUsers.length);
    expect(await database.photo.count({ where: { id: { in: demoPhotos.map((photo) => photo.id) } } })).toBe(demoPhotos.length);
  });
});
