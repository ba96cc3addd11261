import { notFound } from "@/http/api-error";
import { preflight } from "@/http/cors";
import { readJsonBody } from "@/http/json-body";
import { protectedRoute } from "@/http/protected-route";
import { parseInput, photoChangesSchema } from "@/photos/input";
import { photoJson } from "@/photos/photo-json";
import { deletePhoto, findPhoto, updatePhoto } from "@/storage/photos";

/** One of the token's owner's photos. Another member's photo is answered 404, never 403. */
export const GET = protectedRoute(["photos:read"], async (_request, token, { params }) => {
  const photo = await findPhoto((await params).id ?? "", token.sub);
  if (!photo) throw notFound();
  return Response.json(photoJson(photo), { headers: { "Cache-Control": "no-store" } });
});

/** Changes some fields of a photo (scope `photos:write`). */
export const PATCH = protectedRoute(["photos:write"], async (request, token, { params }) => {
  const id = (await params).id ?? "";
  const changes = parseInput(photoChangesSchema, await readJsonBody(request));
  const updated = await updatePhoto(id, token.sub, {
    title: changes.title,
    motif: changes.motif,
    palette: changes.palette,
    takenAt: changes.taken_at === undefined ? undefined : new Date(changes.taken_at),
  });
  const photo = updated ? await findPhoto(id, token.sub) : null;
  if (!photo) throw notFound();
  return Response.json(photoJson(photo), { headers: { "Cache-Control": "no-store" } });
});

/** Deletes a photo (scope `photos:write`). */
export const DELETE = protectedRoute(["photos:write"], async (_request, token, { params }) => {
  if (!(await deletePhoto((await params).id ?? "", token.sub))) throw notFound();
  return new Response(null, { status: 204 });
});

export function OPTIONS(request: Request) {
  return preflight(request, "GET, PATCH, DELETE");
}
