import { getServerSession } from "next-auth";
import { authOptions } from "./options.ts";

export interface SignedInUser {
  name: string;
  username: string;
  sid: string;
  /** PhotoCloud's identifier of the member (the `sub` of their tokens): whose flows they may see. */
  subject: string;
  /** The inspector's flow of the sign-in, when the sign-in was recorded. */
  flowId?: string;
}

/** The user signed in at PrintShop, as next-auth's encrypted cookie says; null when nobody is. */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.subject) return null;
  return {
    name: session.user.name ?? "",
    username: session.user.username ?? "",
    sid: session.sid,
    subject: session.subject,
    flowId: session.flowId,
  };
}
