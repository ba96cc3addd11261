import { isSameOriginPost } from "@/http/same-origin";

/** The pretend print: PrintShop's own business, which needs nothing more from PhotoCloud. */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) return new Response("This form was sent from another site.", { status: 403 });
  const form = await request.formData().catch(() => null);
  const title = form?.get("title");
  const query = typeof title === "string" && title !== "" ? `?${new URLSearchParams({ printed: title })}` : "";
  return new Response(null, { status: 303, headers: { Location: `/photos${query}`, "Cache-Control": "no-store" } });
}
