"use client";

import { signIn } from "next-auth/react";

/** Starts step 1: next-auth sends the browser to PhotoCloud's authorization endpoint. */
export function SignInButton({ label = "Sign in with PhotoCloud" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => signIn("authorization-server", { callbackUrl: "/photos" })}
      className="rounded-lg bg-role-client px-6 py-3 text-xl font-semibold text-white hover:opacity-90"
    >
      {label}
    </button>
  );
}
