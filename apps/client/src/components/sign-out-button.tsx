"use client";

import { signOut } from "next-auth/react";

/** Ends the PrintShop session; PrintShop forgets the tokens it held. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-lg border border-line px-3 py-1 text-base hover:bg-paper"
    >
      Sign out
    </button>
  );
}
