import { findAttack } from "@/attacks/catalogue";
import { runPhase } from "@/attacks/run-phase";
import { runRequestSchema } from "@/attacks/run-request";

/** Runs one server-side phase of an attack for the card that asked: `{ runId, weakened, input }`. */
export async function POST(request: Request, { params }: { params: Promise<{ attack: string; phase: string }> }) {
  const { attack: attackId, phase } = await params;
  const attack = findAttack(attackId);
  if (!attack || !Object.hasOwn(attack.phases, phase)) {
    return Response.json({ error: "not_found", error_description: `There is no attack "${attackId}" with a phase "${phase}".` }, { status: 404 });
  }
  const body = await request.json().catch(() => undefined);
  const parsed = runRequestSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "invalid_request", error_description: parsed.error.issues.map((issue) => issue.message).join("; ") }, { status: 400 });
  }
  return runPhase(attack, phase, parsed.data);
}
