import { currentUser } from "@/auth/session";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";
import { isSameOriginPost } from "@/http/same-origin";
import { addPhoto } from "@/photos/photo-api";

function backToPhotos(query: Record<string, string>): Response {
  return new Response(null, { status: 303, headers: { Location: `/photos?${new URLSearchParams(query)}`, "Cache-Control": "no-store" } });
}

/** The "Add a photo" form: PrintShop adds it to the member's album at the PhotoCloud API (photos:write). */
export const POST = answersWhileDatabaseIsDown("text", async (request: Request) => {
  if (!isSameOriginPost(request)) return new Response("This form was sent from another site.", { status: 403 });
  const user = await currentUser();
  if (!user) return backToPhotos({});
  const form = await request.formData().catch(() => null);
  const field = (name: string, fallback: string) => {
    const value = form?.get(name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : fallback;
  };
  const title = field("title", "");
  if (!title) return backToPhotos({ add_error: "Give the photo a title." });

  const result = await addPhoto(user.sid, { title, motif: field("motif", "sun"), palette: field("palette", "amber") });
  if (result.ok) return backToPhotos({ added: result.value.title });
  const { problem } = result;
  const reason =
    problem.kind === "refused" || problem.kind === "failed"
      ? `the PhotoCloud API answered ${problem.status}: ${problem.description}`
      : problem.kind === "unreachable"
        ? `${problem.service} did not answer`
        : problem.reason;
  return backToPhotos({ add_error: `The photo was not added: ${reason}` });
});
