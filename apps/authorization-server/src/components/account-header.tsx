import { AppHeader } from "@seven-steps/ui/app-header";
import type { SignedInUser } from "@/session/session";

/** Who is signed in at this server, and a way to sign out. */
export function AccountActions({ user }: { user: SignedInUser | null }) {
  if (!user) return null;
  return (
    <form method="post" action="/sign-out" className="flex items-center gap-3">
      <span className="text-base text-muted">
        Signed in as <strong className="text-ink">{user.name}</strong> ({user.username})
      </span>
      <input type="hidden" name="csrf_token" value={user.csrfToken} />
      <button type="submit" className="rounded-lg border border-line px-3 py-1 text-base hover:bg-paper">
        Sign out
      </button>
    </form>
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
