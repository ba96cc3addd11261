import { parseScope } from "@seven-steps/protocol";
import { isPhotoScope, photoScopes } from "@seven-steps/story";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountHeader } from "@/components/account-header";
import { currentUser } from "@/session/current-user";
import { listConnectedApps } from "@/storage/grants";

export const metadata: Metadata = { title: "Connected apps" };

function when(date: Date | null): string {
  return date ? date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "not yet";
}

/**
 * The apps the user allowed, what each may do, since when, and when it last used its access,
 * with a way to take that access back.
 */
export default async function ConnectedAppsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in?return_to=%2Fconnected-apps");
  const apps = await listConnectedApps(user.id);
  const removed = (await searchParams).removed;
  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-6 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">Connected apps</h1>
        <p className="text-xl">
          These apps can reach your PhotoCloud account because you allowed them. Removing one revokes everything it holds:
          it can no longer renew its access, and must ask you again.
        </p>
        {typeof removed === "string" ? (
          <p role="status" className="rounded-lg bg-role-authorization-server-soft px-4 py-3 text-lg">
            Access revoked. That app holds no valid refresh token any more.
          </p>
        ) : null}
        {apps.length === 0 ? <p className="text-xl text-muted">No app has access to your account.</p> : null}
        <ul aria-label="Connected apps" className="space-y-4">
          {apps.map((app) => (
            <li key={app.clientId} className="flex flex-wrap items-start gap-4 rounded-xl border-2 border-line bg-surface p-5">
              <div className="min-w-0 flex-1 space-y-1">
                <h2 className="text-2xl font-bold">{app.clientName}</h2>
                <ul className="list-inside list-disc">
                  {parseScope(app.scope).map((scope) => (
                    <li key={scope}>
                      {isPhotoScope(scope) ? photoScopes[scope].consentText : scope} <code className="text-base text-muted">{scope}</code>
                    </li>
                  ))}
                </ul>
                <p className="text-base text-muted">
                  Allowed since {when(app.since)} · last used {when(app.lastUsedAt)}
                </p>
              </div>
              <form method="post" action="/connected-apps/disconnect">
                <input type="hidden" name="client_id" value={app.clientId} />
                <input type="hidden" name="csrf_token" value={user.csrfToken} />
                <button type="submit" aria-label={`Revoke access for ${app.clientName}`} className="rounded-lg border-2 border-fail px-5 py-2 font-semibold text-fail">
                  Revoke access
                </button>
              </form>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
