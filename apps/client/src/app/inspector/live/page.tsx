import "server-only";
import type { Metadata } from "next";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { FlowInspector } from "@seven-steps/ui/inspector/flow-inspector";
import { liveFlowOfThisBrowser } from "@/live-flow";

export const metadata: Metadata = { title: "How this worked, live" };

/**
 * "How this worked", live: opened in a second window, it follows the sign-in this browser makes
 * in the first, arrow by arrow, and switches to a newer one when it starts. It shows only what
 * src/live-flow.ts lets this browser see; anyone else waits.
 */
export default async function LiveFlowPage() {
  const [user, flow] = await Promise.all([currentUser(), liveFlowOfThisBrowser()]);
  return (
    <>
      <ClientHeader user={user} />
      <main className="presenter mx-auto max-w-7xl space-y-4 px-4 py-4">
        <h1 className="text-3xl font-bold tracking-tight">How this worked, live</h1>
        <FlowInspector
          initialFlow={flow}
          pollUrl="/api/inspector/live"
          handoutUrl="/inspector/live/handout"
          title={false}
          waiting={
            <div className="space-y-2 text-xl">
              <p role="status">Waiting for a sign-in in this browser…</p>
              <p className="text-muted">
                Keep this window open and sign in with PhotoCloud in another window of this browser: each of the seven
                steps appears here as it happens.
              </p>
            </div>
          }
        />
      </main>
    </>
  );
}
