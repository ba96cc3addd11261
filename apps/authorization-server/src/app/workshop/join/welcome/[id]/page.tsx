import { formatScope, metadataUrl } from "@seven-steps/protocol";
import type { Metadata } from "next";
import { connection } from "next/server";
import { AccountHeader } from "@/components/account-header";
import { Credential } from "@/components/credential";
import { env } from "@/env";
import { currentUser } from "@/session/current-user";
import { takeJoinCredentials, type JoinCredentials } from "@/workshop/credentials";
import { attendeeClientAuthMethod, attendeeClientScopes } from "@/workshop/join";

export const metadata: Metadata = { title: "Welcome to the workshop" };

/**
 * A new attendee's credentials, shown this one time: the join form's handler sealed them for this
 * page (workshop/credentials.ts), which takes them, so a reload finds them gone. Rendered for
 * each request, and sent with `Cache-Control: no-store`, so no cache keeps them either.
 */
export default async function WelcomePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const [credentials, user] = await Promise.all([takeJoinCredentials((await params).id), currentUser()]);
  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
        {credentials === undefined ? <AlreadyShown /> : <Welcome credentials={credentials} metadataUrl={metadataUrl(env.ISSUER).href} />}
      </main>
    </>
  );
}

function Welcome({ credentials, metadataUrl }: { credentials: JoinCredentials; metadataUrl: string }) {
  return (
    <section aria-labelledby="welcome-heading" className="space-y-6">
      <div role="status" className="space-y-1 rounded-xl border-2 border-role-authorization-server bg-role-authorization-server-soft px-5 py-4">
        <h1 id="welcome-heading" tabIndex={-1} autoFocus className="text-3xl font-bold outline-none">
          Welcome to the workshop, {credentials.displayName}
        </h1>
        <p>You are signed in to PhotoCloud with your own account, and your own client is registered.</p>
      </div>

      <p role="note" className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-3 font-semibold text-fail">
        Copy these four values now: they are shown this once. PhotoCloud Accounts keeps only hashes of the password and the client
        secret, so nobody can show them again.
      </p>

      <h2 className="text-xl font-bold">Your account</h2>
      <Credential label="username" value={credentials.username} />
      <Credential label="password" value={credentials.password} />

      <h2 className="text-xl font-bold">Your client</h2>
      <Credential label="client_id" value={credentials.client_id} />
      <Credential label="client_secret" value={credentials.client_secret} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4 text-base">
        <dt className="font-mono text-muted">redirect_uri</dt>
        <dd className="font-mono break-all">{credentials.redirect_uri}</dd>
        <dt className="font-mono text-muted">token_endpoint_auth_method</dt>
        <dd className="font-mono">{attendeeClientAuthMethod}</dd>
        <dt className="font-mono text-muted">scope</dt>
        <dd className="font-mono">{formatScope(attendeeClientScopes)}</dd>
        <dt className="font-mono text-muted">metadata</dt>
        <dd className="font-mono break-all">{metadataUrl}</dd>
      </dl>

      <p>
        <a href="/workshop/exercises" className="inline-block rounded-lg bg-role-authorization-server-solid px-8 py-3 text-xl font-semibold text-white">
          Continue to the exercises
        </a>
      </p>
    </section>
  );
}

/** A reload, or a link opened late: the credentials are not shown twice, and wait 5 minutes at most. */
function AlreadyShown() {
  return (
    <section aria-labelledby="already-shown-heading" className="space-y-4">
      <div className="space-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4">
        <h1 id="already-shown-heading" className="text-2xl font-bold">
          These credentials were already shown
        </h1>
        <p>
          A new attendee&apos;s password and client secret are shown once, on the page that follows joining, within 5 minutes. PhotoCloud
          Accounts keeps only their hashes, so it cannot show them again. If you did not copy them, join again under another display
          name.
        </p>
      </div>
      <p>
        <a href="/workshop/exercises" className="font-semibold text-role-client underline">
          Go to the exercises
        </a>
      </p>
    </section>
  );
}
