import { AppHeader } from "@seven-steps/ui/app-header";
import Link from "next/link";
import type { SignedInUser } from "@/auth/session";
import { SignOutButton } from "./sign-out-button";

/**
 * PrintShop's navigation: the photos, the two ways to study the seven steps, and who is signed in.
 */
export function ClientNavigation({ user }: { user: SignedInUser | null }) {
  return (
    <nav aria-label="PrintShop" className="flex flex-wrap items-center gap-x-5 gap-y-2">
      {user ? (
        <Link href="/photos" prefetch={false} className="font-semibold">
          Your photos
        </Link>
      ) : null}
      <Link href="/inspector" prefetch={false} className="font-semibold">
        How this worked
      </Link>
      <Link href="/lab" prefetch={false} className="font-semibold">
        Step-through lab
      </Link>
      {user ? (
        <>
          <span className="text-base text-muted">
            Signed in as <strong className="text-ink">{user.name}</strong>
          </span>
          <SignOutButton />
        </>
      ) : null}
    </nav>
  );
}

export function ClientHeader({ user }: { user: SignedInUser | null }) {
  return (
    <AppHeader role="client" title="PrintShop">
      <ClientNavigation user={user} />
    </AppHeader>
  );
}
