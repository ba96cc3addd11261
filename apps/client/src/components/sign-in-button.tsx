"use client";

import { signIn } from "next-auth/react";
import { useHydrated } from "./use-hydrated";

/** Starts step 1: next-auth sends the browser to PhotoCloud's authorization endpoint. */
export function SignInButton({ label = "Sign in with PhotoCloud" }: { label?: string }) {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signIn("authorization-server", { callbackUrl: "/photos" })}
      className="rounded-lg bg-role-client px-6 py-3 text-xl font-semibold text-white hover:opacity-90 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
