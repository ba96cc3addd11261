import { headers } from "next/headers";
import { findSignedInUser, type SignedInUser } from "./session.ts";

/** The signed-in user of the page being rendered, if any. For pages; route handlers read the request. */
export async function currentUser(): Promise<SignedInUser | null> {
  return findSignedInUser((await headers()).get("cookie"));
}
