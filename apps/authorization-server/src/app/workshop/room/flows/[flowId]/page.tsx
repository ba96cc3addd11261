import "server-only";
import { findFlowById } from "@seven-steps/inspector";
import { FlowInspector } from "@seven-steps/ui/inspector/flow-inspector";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountHeader } from "@/components/account-header";
import { NotForYou } from "@/components/workshop/not-for-you";
import { db } from "@/db";
import { env } from "@/env";
import { currentUser } from "@/session/current-user";
import { instructorAccess } from "@/workshop/access";
import { attendeeOfFlow } from "@/workshop/room-flows";

export const metadata: Metadata = { title: "An attendee’s flow" };

/**
 * One attendee's flow in the inspector, opened from a cell of the room dashboard: the same
 * sequence diagram and messages as their own "How this worked", for the instructor only, and only
 * for the flows of the room's attendees.
 */
export default async function AttendeeFlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const user = await currentUser();
  const access = await instructorAccess(user);
  if ("refused" in access) {
    if (access.refused === "no-workshop") notFound();
    return (
      <NotForYou
        user={user}
        title="The workshop room is the instructor’s"
        returnTo={`/workshop/room/flows/${encodeURIComponent(flowId)}`}
        signInText="Sign in as the instructor"
      >
        <p>Only the instructor may open the attendees’ flows. Your own flows are on PrintShop’s “How this worked”.</p>
      </NotForYou>
    );
  }
  const attendee = await attendeeOfFlow(access.room.id, flowId);
  const flow = attendee ? await findFlowById(db, flowId) : null;
  if (!attendee || !flow) notFound();

  return (
    <>
      <AccountHeader user={access.user} />
      <main className="presenter mx-auto max-w-7xl space-y-4 px-4 py-4">
        <p className="text-lg">
          <a href="/workshop/room" className="font-semibold underline">
            Back to the room
          </a>{" "}
          · a flow of <strong>{attendee.displayName}</strong> ({attendee.user.username}, client <code>{attendee.clientId}</code>)
        </p>
        <FlowInspector
          initialFlow={flow}
          pollUrl={`/workshop/room/flows/${encodeURIComponent(flow.id)}/exchanges`}
          sourceUrl={`${env.CLIENT_APP_URL}/source`}
        />
      </main>
    </>
  );
}
