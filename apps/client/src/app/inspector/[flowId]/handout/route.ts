import "server-only";
import { findFlow } from "@seven-steps/inspector";
import { currentUser } from "@/auth/session";
import { db } from "@/db";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";
import { handoutDownload } from "@/http/handout-download";

/** One flow as a Markdown handout, with a Mermaid sequence diagram, for workshop notes: for the member who signed in only. */
export const GET = answersWhileDatabaseIsDown("text", async (_request: Request, { params }: { params: Promise<{ flowId: string }> }) => {
  const flow = await findFlow(db, (await params).flowId, (await currentUser())?.subject);
  if (!flow) return new Response("No such flow, or it has expired.", { status: 404 });
  return handoutDownload(flow);
});
