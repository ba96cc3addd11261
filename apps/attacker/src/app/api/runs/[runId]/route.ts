import "server-only";
import { findAttackRun } from "@seven-steps/inspector";
import { db } from "@/db";

/**
 * The apps' records of one run, for the card that started it: the run id, which only the
 * learner's browser holds, is what allows reading them.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const flow = /^[A-Za-z0-9_-]{22,64}$/.test(runId) ? await findAttackRun(db, runId) : null;
  if (!flow) return Response.json({ error: "not_found", error_description: "No message of this run is recorded (yet)." }, { status: 404 });
  return Response.json(flow, { headers: { "Cache-Control": "no-store" } });
}
