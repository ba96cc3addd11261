import type { ReactNode } from "react";
import { ClientHeader } from "@/components/client-header";

/**
 * The frame of both lab pages. The lab is its own public client, `printshop-lab`, and does not
 * use PrintShop's sign-in, so the header shows no account.
 */
export function LabPage({ children }: { children: ReactNode }) {
  return (
    <>
      <ClientHeader user={null} />
      {/* Room at the bottom for the action bar, which stays fixed over the page. */}
      <main className="presenter mx-auto max-w-6xl space-y-6 px-6 pt-6 pb-36">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Step-through lab</h1>
          <p className="text-xl text-muted">
            OAuth 2 by hand, one request at a time. This page is a public client with PKCE, running in your browser.
          </p>
        </div>
        {children}
      </main>
    </>
  );
}
