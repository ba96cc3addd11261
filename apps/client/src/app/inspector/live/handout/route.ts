import "server-only";
import { liveFlowOfThisBrowser } from "@/live-flow";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";
import { handoutDownload } from "@/http/handout-download";

/** The flow "How this worked, live" shows this browser, as the same Markdown handout as /inspector/[flowId]'s. */
export const GET = answersWhileDatabaseIsDown("text", async () => {
  const flow = await liveFlowOfThisBrowser();
  if (!flow) return new Response("No sign-in of this browser to hand out yet.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return handoutDownload(flow);
});
