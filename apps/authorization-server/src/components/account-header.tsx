import { AppHeader } from "@seven-steps/ui/app-header";
import Link from "next/link";
import type { SignedInUser } from "@/session/session";

/** Who is signed in at this server, the apps they allowed, and a way to sign out. */
export function AccountActions({ user }: { user: SignedInUser | null }) {
  if (!user) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Link href="/connected-apps" prefetch={false} className="font-semibold">
        Connected apps
      </Link>
      <span className="text-base text-muted">
        Signed in as <strong className="text-ink">{user.name}</strong> ({user.username})
      </span>
      <form method="post" action="/sign-out">
        <input type="hidden" name="csrf_token" value={user.csrfToken} />
        <button type="submit" className="rounded-lg border border-line px-3 py-1 text-base hover:bg-paper">
          Sign out
        </button>
      </form>
    </div>
  );
}

/** The authorization server's header, with the signed-in user. */
export function AccountHeader({ user }: { user: SignedInUser | null }) {
  return (
    <AppHeader role="authorization-server" title="PhotoCloud Accounts">
      <AccountActions user={user} />
    </AppHeader>
  );
}
