import type { AttendeeRow } from "@/storage/workshop-traffic";

/** What tells whose a recorded exchange is. */
export interface Attributable {
  id: string;
  fromRole: string;
  subject: string | null;
  clientId: string | null;
  kind: string;
  /** The recorded form, for a sign-in that knows no user: which username was tried. */
  requestBody?: string | null;
}

/** The username a recorded sign-in form carried, folded as sign-in folds it (sign-in-with-password.ts). */
function usernameTried(requestBody: string | null | undefined): string | undefined {
  try {
    const form = JSON.parse(requestBody ?? "{}") as { username?: unknown };
    return typeof form.username === "string" ? form.username.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whose traffic is whose in the room, so that an attendee sees only their own, and the instructor
 * only the attendees'. The rules, in order:
 *
 * 1. Mallory's messages (the attack lab) are nobody's: they only tell that a flow was an attack.
 * 2. An exchange that knows its user (`subject`, the `sub` of their tokens) is that user's.
 * 3. Else one in a flow that belongs to a user (the flow's `subject`) is that user's.
 * 4. Else one that names an attendee's client (`clientId`, a label the request carried) is theirs.
 * 5. Else a sign-in refused for an attendee's username is theirs.
 *
 * So the demo users' traffic, and another attendee's through this one's client, is not this
 * attendee's.
 */
export class Attribution {
  private readonly bySubject: Map<string, AttendeeRow>;
  private readonly byClient: Map<string, AttendeeRow>;
  private readonly byUsername: Map<string, AttendeeRow>;

  constructor(readonly attendees: AttendeeRow[]) {
    this.bySubject = new Map(attendees.map((attendee) => [attendee.userId, attendee]));
    this.byClient = new Map(attendees.map((attendee) => [attendee.clientId, attendee]));
    this.byUsername = new Map(attendees.map((attendee) => [attendee.user.username, attendee]));
  }

  /** The attendee a user is, by their `sub`. */
  attendeeOfSubject(subject: string | null | undefined): AttendeeRow | undefined {
    return subject ? this.bySubject.get(subject) : undefined;
  }

  /** The attendee whose username a sign-in that knows no user tried. */
  signInOf(exchange: Attributable): AttendeeRow | undefined {
    if (exchange.kind !== "sign-in" || exchange.subject !== null) return undefined;
    const username = usernameTried(exchange.requestBody);
    return username ? this.byUsername.get(username) : undefined;
  }

  /** The attendee an exchange belongs to, in a flow that belongs to `flowSubject`; undefined for nobody of the room. */
  ownerOf(exchange: Attributable, flowSubject: string | null | undefined, signedInAs = this.signInOf(exchange)): AttendeeRow | undefined {
    if (exchange.fromRole === "attacker") return undefined;
    if (exchange.subject !== null) return this.bySubject.get(exchange.subject);
    if (flowSubject) return this.bySubject.get(flowSubject);
    return (exchange.clientId === null ? undefined : this.byClient.get(exchange.clientId)) ?? signedInAs;
  }
}
