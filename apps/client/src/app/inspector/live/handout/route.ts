import "server-only";
import { flowHandout } from "@seven-steps/inspector";
import { liveFlowOfThisBrowser } from "@/live-flow";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";

/** The flow "How this worked, live" shows this browser, as the same Markdown handout as /inspector/[flowId]'s. */
export const GET = answersWhileDatabaseIsDown("text", async () => {
  const flow = await liveFlowOfThisBrowser();
  if (!flow) return new Response("No sign-in of this browser to hand out yet.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(flowHandout(flow), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="oauth-flow-${flow.id.replace(/[^\w-]/g, "")}.md"`,
      "Cache-Control": "no-store",
    },
  });
});
