import "server-only";
import { findFlow, noteFlowViewed } from "@seven-steps/inspector";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { FlowInspector } from "@seven-steps/ui/inspector/flow-inspector";
import { db } from "@/db";

export const metadata: Metadata = { title: "How this worked" };

/**
 * "How this worked": the sequence diagram of the seven steps, filled in with the messages that
 * really crossed between the four protagonists during one sign-in. Shown only to the member who
 * signed in; anyone else, signed in or not, gets the same "not found" as for an unknown flow. The
 * first time the member opens it is noted (the workshop's exercise 1).
 */
export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const user = await currentUser();
  const flow = await findFlow(db, flowId, user?.subject);
  if (!flow || !user) notFound();
  // The workshop's first exercise is done when the server has seen its member open this page.
  // Noting it is never a reason to fail the page.
  await noteFlowViewed(db, flow.id, user.subject).catch(() => undefined);
  return (
    <>
      <ClientHeader user={user} />
      <main className="presenter mx-auto max-w-7xl space-y-4 px-4 py-4">
        <FlowInspector
          initialFlow={flow}
          pollUrl={`/api/inspector/flows/${encodeURIComponent(flow.id)}`}
          handoutUrl={`/inspector/${encodeURIComponent(flow.id)}/handout`}
        />
      </main>
    </>
  );
}
