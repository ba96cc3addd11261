import type { ReactNode } from "react";
import { AccountHeader } from "@/components/account-header";
import type { SignedInUser } from "@/session/session";

/**
 * A workshop page shown to someone it is not for: who it is for, who is signed in, and a link to
 * sign in as the right person, which comes back to the page.
 */
export function NotForYou({
  user,
  title,
  children,
  returnTo,
  signInText,
}: {
  user: SignedInUser | null;
  title: string;
  children: ReactNode;
  returnTo: string;
  signInText: string;
}) {
  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">{title}</h1>
        <div className="space-y-4 text-xl">{children}</div>
        {user ? (
          <p className="text-xl">
            You are signed in as <strong>{user.username}</strong>. Sign out first (at the top of the page) to sign in with another account.
          </p>
        ) : null}
        <p className="text-xl">
          <a href={`/sign-in?return_to=${encodeURIComponent(returnTo)}`} className="font-semibold underline">
            {signInText}
          </a>
        </p>
      </main>
    </>
  );
}
