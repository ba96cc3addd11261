"use client";

import { signOut } from "next-auth/react";
import { useHydrated } from "./use-hydrated";

/** Ends the PrintShop session: PrintShop revokes its refresh token at PhotoCloud and forgets its tokens. */
export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-lg border border-line px-3 py-1 text-base hover:bg-paper disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
