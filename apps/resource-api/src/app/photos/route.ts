import { preflight } from "@/http/cors";
import { readJsonBody } from "@/http/json-body";
import { protectedRoute } from "@/http/protected-route";
import { newPhotoSchema, parseInput } from "@/photos/input";
import { photoJson } from "@/photos/photo-json";
import { createPhoto, listPhotos } from "@/storage/photos";

/** The token's owner's photos, newest first (scope `photos:read`). */
export const GET = protectedRoute(["photos:read"], async (_request, token) => {
  const photos = await listPhotos(token.sub);
  return Response.json({ photos: photos.map(photoJson) }, { headers: { "Cache-Control": "no-store" } });
});

/** Adds a photo to the token's owner's album (scope `photos:write`). */
export const POST = protectedRoute(["photos:write"], async (request, token) => {
  const input = parseInput(newPhotoSchema, await readJsonBody(request));
  const photo = await createPhoto(token.sub, {
    title: input.title,
    motif: input.motif,
    palette: input.palette,
    takenAt: input.taken_at ? new Date(input.taken_at) : new Date(),
  });
  const body = photoJson(photo);
  return Response.json(body, { status: 201, headers: { Location: `/photos/${photo.id}`, "Cache-Control": "no-store" } });
});

export function OPTIONS(request: Request) {
  return preflight(request, "GET, POST");
}
