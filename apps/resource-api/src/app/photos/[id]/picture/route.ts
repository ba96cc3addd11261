import { notFound } from "@/http/api-error";
import { preflight } from "@/http/cors";
import { protectedRoute } from "@/http/protected-route";
import type { Motif, Palette } from "@/photos/look";
import { drawPicture } from "@/photos/picture";
import { findPhoto } from "@/storage/photos";

/** The picture of a photo, drawn as SVG (scope `photos:read`). */
export const GET = protectedRoute(["photos:read"], async (_request, token, { params }) => {
  const photo = await findPhoto((await params).id ?? "", token.sub);
  if (!photo) throw notFound();
  const svg = drawPicture({ title: photo.title, motif: photo.motif as Motif, palette: photo.palette as Palette });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "private, no-store",
      // An SVG can hold scripts; this one holds none, and may not run any if opened directly.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
