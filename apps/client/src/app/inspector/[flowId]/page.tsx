import { findFlow } from "@seven-steps/inspector";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { FlowInspector } from "@/components/inspector/flow-inspector";
import { db } from "@/db";

export const metadata: Metadata = { title: "How this worked" };

/**
 * "How this worked": the sequence diagram of the seven steps, filled in with the messages that
 * really crossed between the four protagonists during one sign-in.
 */
export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const flow = await findFlow(db, flowId);
  if (!flow) notFound();
  return (
    <>
      <ClientHeader user={await currentUser()} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-4">
        <FlowInspector initialFlow={flow} />
      </main>
    </>
  );
}
