import { authorizationServerMetadataPath } from "@seven-steps/protocol";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountHeader } from "@/components/account-header";
import { registrationIsOpen } from "@/oauth/registration/initial-access-token";
import { currentUser } from "@/session/current-user";

export const metadata: Metadata = { title: "Developers" };

/**
 * Where a developer registers a client: the form (./page.tsx), then the new client
 * (./registered/[id]/page.tsx), beside how a program does the same.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const open = registrationIsOpen();

  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto grid max-w-6xl gap-10 px-6 py-10 lg:grid-cols-[1fr_380px]">
        <section aria-labelledby="developers-heading" className="min-w-0 space-y-6">
          <div className="space-y-2">
            <h1 id="developers-heading" className="text-4xl font-bold tracking-tight">
              Register a client
            </h1>
            <p className="text-xl">
              Before an app can ask PhotoCloud users for access, it needs a <code>client_id</code> from this server.
            </p>
          </div>
          {children}
        </section>

        <aside
          aria-labelledby="api-heading"
          className="h-fit space-y-4 rounded-xl border-2 border-dashed border-role-authorization-server bg-role-authorization-server-soft p-5 text-base"
        >
          <h2 id="api-heading" className="text-lg font-bold">
            The same, for programs
          </h2>
          <p>
            Apps can register themselves: they POST their metadata as JSON to <code className="font-semibold">/register</code>, the
            registration endpoint that the{" "}
            <a href={authorizationServerMetadataPath} className="text-role-client underline">
              server metadata
            </a>{" "}
            announces (RFC 7591).
          </p>
          <pre className="overflow-x-auto rounded-lg bg-surface p-3 text-sm">
            {`POST /register
Content-Type: application/json

{
  "client_name": "Kiosk",
  "redirect_uris": [
    "https://kiosk.example/cb"
  ]
}`}
          </pre>
          <p>From a terminal, at the root of the repository:</p>
          <pre className="overflow-x-auto rounded-lg bg-surface p-3 text-[13px]">
            {`npm run client:add -- \\
  --name Kiosk \\
  --redirect-uri https://kiosk.example/cb`}
          </pre>
          <p className="border-t border-role-authorization-server/40 pt-3">
            {open
              ? "Registration is open: this is a demo, and anyone who reaches this server may register a client. A real server asks for an initial access token."
              : "Registration needs this server's initial access token, sent as a Bearer token."}
          </p>
        </aside>
      </main>
    </>
  );
}
