import "server-only";
import { liveFlowOfThisBrowser } from "@/live-flow";
import { answersWhileDatabaseIsDown } from "@/http/database-unavailable";

/**
 * The flow "How this worked, live" shows this browser (src/live-flow.ts), polled by that page:
 * `null` until this browser makes a sign-in it may see.
 */
export const GET = answersWhileDatabaseIsDown("json", async () =>
  Response.json(await liveFlowOfThisBrowser(), { headers: { "Cache-Control": "no-store" } }),
);
