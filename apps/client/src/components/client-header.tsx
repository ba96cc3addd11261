import { AppHeader } from "@seven-steps/ui/app-header";
import type { SignedInUser } from "@/auth/session";
import { SignOutButton } from "./sign-out-button";

/** Who is signed in at PrintShop, and the way out. */
export function AccountActions({ user }: { user: SignedInUser | null }) {
  if (!user) return null;
  return (
    <div className="flex items-center gap-4">
      <a href="/photos" className="font-semibold">
        Your photos
      </a>
      <span className="text-base text-muted">
        Signed in as <strong className="text-ink">{user.name}</strong>
      </span>
      <SignOutButton />
    </div>
  );
}

export function ClientHeader({ user }: { user: SignedInUser | null }) {
  return (
    <AppHeader role="client" title="PrintShop">
      <AccountActions user={user} />
    </AppHeader>
  );
}
