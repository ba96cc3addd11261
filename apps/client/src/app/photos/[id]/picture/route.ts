import { currentUser } from "@/auth/session";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";
import { callPhotoApi } from "@/photos/photo-api";
import type { Problem } from "@/photos/problem";

/** The status that says why the picture is not here: gone, not allowed, or the API not answering. */
function pictureStatus(problem: Problem): number {
  switch (problem.kind) {
    case "signed-out":
      return 401;
    case "refused":
    case "failed":
      return problem.status;
    case "unreachable":
      return 502;
  }
}

/**
 * A photo's picture, fetched from the PhotoCloud API with PrintShop's access token. The browser
 * cannot send that token itself (it never has it), so PrintShop fetches on its behalf.
 */
export const GET = answersWhileDatabaseIsDown("text", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await currentUser();
  if (!user) return new Response("Sign in to see this picture.", { status: 401 });
  const { id } = await params;
  const result = await callPhotoApi(user.sid, `/photos/${encodeURIComponent(id)}/picture`);
  if (!result.ok) return new Response(null, { status: pictureStatus(result.problem) });
  return new Response(result.value.body, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
