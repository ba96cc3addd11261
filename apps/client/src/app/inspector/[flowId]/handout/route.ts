import "server-only";
import { findFlow, flowHandout } from "@seven-steps/inspector";
import { currentUser } from "@/auth/session";
import { db } from "@/db";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";

/**
 * One flow as a Markdown handout, with a Mermaid sequence diagram, for workshop notes: for the
 * member who signed in only. Its access tokens carry no signature (the recorder removed them), so
 * a handout passed around a room hands out no usable token.
 */
export const GET = answersWhileDatabaseIsDown("text", async (_request: Request, { params }: { params: Promise<{ flowId: string }> }) => {
  const { flowId } = await params;
  const flow = await findFlow(db, flowId, (await currentUser())?.subject);
  if (!flow) return new Response("No such flow, or it has expired.", { status: 404 });
  return new Response(flowHandout(flow), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="oauth-flow-${flowId.replace(/[^\w-]/g, "")}.md"`,
      "Cache-Control": "no-store",
    },
  });
});
