import "server-only";
import { findFlowForAttribution, listAttendees, type AttendeeRow } from "@/storage/workshop-traffic";
import { Attribution } from "./attribution.ts";

/**
 * The attendee a recorded flow belongs to, by the rules the dashboard counts with
 * (./attribution.ts): the instructor may open the flows of the room's attendees, and no other
 * (not the demo users', nor anyone's before the room began). Undefined for an unknown flow, or a
 * flow of nobody in the room.
 */
export async function attendeeOfFlow(roomId: string, flowId: string): Promise<AttendeeRow | undefined> {
  const [attendees, flow] = await Promise.all([listAttendees(roomId), findFlowForAttribution(flowId)]);
  if (!flow) return undefined;
  const attribution = new Attribution(attendees);
  for (const exchange of flow.exchanges) {
    const owner = attribution.ownerOf(exchange, flow.subject);
    if (owner) return owner;
  }
  return undefined;
}
