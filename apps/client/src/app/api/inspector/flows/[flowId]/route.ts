import "server-only";
import { findFlow } from "@seven-steps/inspector";
import { currentUser } from "@/auth/session";
import { db } from "@/db";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";

/** A recorded flow, polled by the inspector page while the flow runs: for its member only. */
export const GET = answersWhileDatabaseIsDown("json", async (_request: Request, { params }: { params: Promise<{ flowId: string }> }) => {
  const flow = await findFlow(db, (await params).flowId, (await currentUser())?.subject);
  if (!flow) return Response.json({ error: "not_found", error_description: "No such flow, or it has expired." }, { status: 404 });
  return Response.json(flow, { headers: { "Cache-Control": "no-store" } });
});
