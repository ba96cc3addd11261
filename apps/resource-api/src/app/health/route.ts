/**
 * A liveness check, for a load balancer or an orchestrator: the app is up and answers. It does no
 * other work, so the benchmark (packages/bench) uses it as the framework's floor: the fastest any
 * route of this app can answer.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
