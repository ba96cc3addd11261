import { findFlow } from "@seven-steps/inspector";
import { db } from "@/db";

/** A recorded flow, polled by the inspector page while the flow runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ flowId: string }> }) {
  const flow = await findFlow(db, (await params).flowId);
  if (!flow) return Response.json({ error: "not_found", error_description: "No such flow, or it has expired." }, { status: 404 });
  return Response.json(flow, { headers: { "Cache-Control": "no-store" } });
}
