import { metadataUrl } from "@seven-steps/protocol";
import { connection } from "next/server";
import { Credential } from "@/components/credential";
import { env } from "@/env";
import type { ClientInformationResponse } from "@/oauth/registration/client-metadata";
import { takeRegistrationResult } from "@/oauth/registration/one-time-results";

/**
 * The client just registered on the Developers page, with its secret shown this one time: the
 * page takes the registration's answer from a one-time store (one-time-results.ts), so a reload
 * finds it gone, whichever instance of this server it reaches. It is
 * rendered for each request, and Next.js sends such a page with `Cache-Control: no-store`, so no
 * cache keeps the secret either.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export default async function RegisteredClientPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const client = await takeRegistrationResult((await params).id);
  if (client === undefined) return <AlreadyShown />;
  return <RegisteredClient client={client} metadataUrl={metadataUrl(env.ISSUER).href} />;
}

function RegisteredClient({ client, metadataUrl }: { client: ClientInformationResponse; metadataUrl: string }) {
  return (
    <section aria-labelledby="registered-heading" className="space-y-6">
      <div
        role="status"
        className="space-y-1 rounded-xl border-2 border-role-authorization-server bg-role-authorization-server-soft px-5 py-4"
      >
        <h2 id="registered-heading" tabIndex={-1} autoFocus className="text-2xl font-bold outline-none">
          ✓ {client.client_name} is registered
        </h2>
        <p>Configure your app with these values.</p>
      </div>

      <Credential label="client_id" value={client.client_id} />
      {client.client_secret === undefined ? (
        <p>
          <strong>No client secret:</strong> a public client proves itself with PKCE (RFC 7636) in every authorization request.
        </p>
      ) : (
        <div className="space-y-2">
          <Credential label="client_secret" value={client.client_secret} />
          <p role="note" className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-3 font-semibold text-fail">
            Copy the secret now: it is shown this once. PhotoCloud Accounts keeps only its SHA-256 hash, so it cannot show it again.
          </p>
        </div>
      )}

      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4 text-base">
        <dt className="font-mono text-muted">redirect_uris</dt>
        <dd className="min-w-0 font-mono break-all">
          <ul>
            {client.redirect_uris.map((uri) => (
              <li key={uri}>{uri}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-mono text-muted">scope</dt>
        <dd className="font-mono">{client.scope}</dd>
        <dt className="font-mono text-muted">grant_types</dt>
        <dd className="font-mono">{client.grant_types.join(" ")}</dd>
        <dt className="font-mono text-muted">token_endpoint_auth_method</dt>
        <dd className="font-mono">{client.token_endpoint_auth_method}</dd>
      </dl>

      <div className="space-y-1">
        <p>Your app finds this server&apos;s endpoints in its metadata (RFC 8414):</p>
        <a href={metadataUrl} className="block font-mono text-base break-all text-role-client underline">
          {metadataUrl}
        </a>
      </div>

      <details className="rounded-xl border-2 border-line bg-surface px-5 py-3">
        <summary className="cursor-pointer font-semibold">The registration response (RFC 7591 §3.2.1)</summary>
        <pre className="mt-3 overflow-x-auto text-sm">{JSON.stringify(client, null, 2)}</pre>
      </details>

      <p>
        <a href="/developers" className="font-semibold text-role-client underline">
          Register another client
        </a>
      </p>
    </section>
  );
}

/** A reload, or a link opened late: the secret is not shown twice, and waits 5 minutes at most. */
function AlreadyShown() {
  return (
    <section aria-labelledby="already-shown-heading" className="space-y-4">
      <div className="space-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4">
        <h2 id="already-shown-heading" className="text-2xl font-bold">
          This registration was already shown
        </h2>
        <p>
          A new client&apos;s secret is shown once, on the page that follows its registration, within 5 minutes. PhotoCloud Accounts
          keeps only its hash, so it cannot show it again. If you did not copy it, register the client again.
        </p>
      </div>
      <p>
        <a href="/developers" className="font-semibold text-role-client underline">
          Back to the Developers page
        </a>
      </p>
    </section>
  );
}
