import type { Prisma } from "./generated/sqlite/client.ts";

/**
 * A new PhotoCloud member's album at the PhotoCloud API: their profile, keyed by the `sub` of
 * their access tokens, and a few sample photos, so that the API has something to show them.
 *
 * This is the one place outside the seed (prisma/seed.ts) and the API itself where the API's
 * models (prisma/models/resource-api.prisma) are written: joining a workshop signs up a new
 * PhotoCloud member, which in the story means an account at PhotoCloud Accounts and an album at
 * the PhotoCloud API at once, and resetting the room takes both away again. A real service would
 * create the album when the member first calls the API; here the attendee's first exercises need
 * photos to be there already. The authorization server calls these helpers inside the transaction
 * that creates or deletes the account, so neither half is ever left without the other.
 */

/** A member as the API knows them: only the `sub` of their tokens, and the names it shows at GET /me. */
export interface AlbumMember {
  sub: string;
  username: string;
  displayName: string;
}

/**
 * The sample photos every new member's album starts with. Motifs and palettes are among the ones
 * the API draws (apps/resource-api/src/photos/look.ts).
 */
export const memberAlbumPhotos = [
  { title: "Sunrise over the workshop", motif: "sun", palette: "amber", takenAt: new Date("2026-11-02T07:10:00Z") },
  { title: "A flower on the windowsill", motif: "flower", palette: "teal", takenAt: new Date("2026-11-09T12:30:00Z") },
  { title: "Cranes at the harbour", motif: "crane", palette: "sky", takenAt: new Date("2026-11-16T16:45:00Z") },
] as const;

/** Creates a member's profile and sample photos (see {@link memberAlbumPhotos}). */
export async function createMemberAlbum(database: Prisma.TransactionClient, member: AlbumMember): Promise<void> {
  await database.profile.create({ data: { sub: member.sub, username: member.username, displayName: member.displayName } });
  await database.photo.createMany({ data: memberAlbumPhotos.map((photo) => ({ ...photo, ownerSub: member.sub })) });
}

/** Deletes the profiles and every photo of the members with these subs; says how many of each went. */
export async function deleteMemberAlbums(database: Prisma.TransactionClient, subs: string[]): Promise<{ profiles: number; photos: number }> {
  const photos = await database.photo.deleteMany({ where: { ownerSub: { in: subs } } });
  const profiles = await database.profile.deleteMany({ where: { sub: { in: subs } } });
  return { profiles: profiles.count, photos: photos.count };
}
