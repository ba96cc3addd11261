import { CheckTrail } from "@seven-steps/protocol";
import { isPhotoScope, photoScopes } from "@seven-steps/story";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountHeader } from "@/components/account-header";
import { discloseClient } from "@/consent/disclosure";
import { env } from "@/env";
import { recordSelfRegisteredConsentPage } from "@/inspector";
import { authorizationRequestFields, authorizationRequestQuery } from "@/oauth/authorization-request/request-query";
import { validateAuthorizationRequest, type AuthorizationRequestValidation } from "@/oauth/authorization-request/validate";
import { OAuthError } from "@/oauth/errors";
import { RequestParameters } from "@/oauth/parameters";
import { readAuthorizationRequest } from "@/oauth/pushed-authorization-request/by-reference";
import { currentUser } from "@/session/current-user";

export const metadata: Metadata = { title: "Allow access?" };

function parametersOf(query: Record<string, string | string[] | undefined>): RequestParameters {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, item);
  }
  return RequestParameters.parse(search.toString());
}

/** The request in the query, or the pushed one it names, validated as at /authorize. */
async function validate(parameters: RequestParameters): Promise<AuthorizationRequestValidation> {
  const trail = new CheckTrail();
  try {
    const incoming = await readAuthorizationRequest(parameters, trail);
    return await validateAuthorizationRequest(incoming.parameters, trail, { pushed: incoming.pushed !== undefined });
  } catch (error) {
    if (error instanceof OAuthError) return { outcome: "show-error", error };
    throw error;
  }
}

/**
 * Step 2, what the user allows: who is asking, where the answer goes, and each scope in plain
 * words. The request is validated again here; the form carries it to /consent/decision.
 */
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parameters = parametersOf(await searchParams);
  const user = await currentUser();
  if (!user) redirect(`/sign-in?return_to=${encodeURIComponent(`/authorize?${authorizationRequestQuery(parameters)}`)}`);

  // The request was checked, and recorded, at /authorize; this page is recorded only for a client
  // that registered itself (src/inspector.ts).
  const validation = await validate(parameters);
  if (validation.outcome !== "valid") {
    return (
      <>
        <AccountHeader user={user} />
        <main className="mx-auto max-w-3xl space-y-4 px-6 py-10">
          <h1 className="text-4xl font-bold tracking-tight">This request cannot be completed</h1>
          <p className="text-xl">Return to the application and start again.</p>
          <p className="rounded-lg bg-role-authorization-server-soft px-3 py-2 font-mono text-base">
            {validation.error.code}: {validation.error.description}
          </p>
        </main>
      </>
    );
  }
  const { client, redirectUri, scopes, resource, resourceName } = validation.request;
  const trail = new CheckTrail();
  const { selfRegistered, redirectHost } = discloseClient(trail, client, redirectUri);
  if (selfRegistered) {
    const url = `${env.ISSUER}/consent?${authorizationRequestQuery(parameters)}`;
    await recordSelfRegisteredConsentPage({ url, headers: await headers() }, user.id, trail);
  }

  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">
          {client.name} wants to access your PhotoCloud account
        </h1>
        <p className="text-xl">
          {client.name} is asking, on behalf of <strong>{user.name}</strong>, to:
        </p>
        <ul className="space-y-3" aria-label="Requested access">
          {scopes.map((scope) => (
            <li key={scope} className="flex items-baseline gap-3 rounded-lg border-2 border-line bg-surface px-4 py-3">
              <span className="text-xl font-semibold">{isPhotoScope(scope) ? photoScopes[scope].consentText : scope}</span>
              <code className="ml-auto text-base text-muted">{scope}</code>
            </li>
          ))}
        </ul>
        <p className="text-lg text-muted">
          For <strong className="text-ink">{resourceName}</strong> (<code>{resource}</code>) only: no other service will accept
          what {client.name} receives (RFC 8707).
        </p>
        {selfRegistered ? (
          // RFC 9700 §4.11.2: anyone can register a client under any name (RFC 7591). A user who
          // knows that, and where the answer goes, can refuse a look-alike.
          <div role="note" aria-label="Not reviewed by PhotoCloud" className="space-y-1 rounded-lg border-2 border-fail bg-fail-soft px-4 py-3 text-ink">
            <p className="text-xl font-semibold">
              {client.name} registered itself; not reviewed by PhotoCloud.
            </p>
            <p>
              The name is its own claim: PhotoCloud has not checked who runs this application. Whatever you choose, you
              will be sent to <strong>{redirectHost}</strong>. Allow only if you know that address.
            </p>
          </div>
        ) : (
          <p>
            Whatever you choose, you will be sent back to <strong>{redirectHost}</strong>. {client.name} never
            sees your password.
          </p>
        )}
        <form method="post" action="/consent/decision" className="flex gap-4">
          {authorizationRequestFields(parameters).map(([name, value]) => (
            <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="csrf_token" value={user.csrfToken} />
          <button
            type="submit"
            name="decision"
            value="allow"
            className="rounded-lg bg-role-authorization-server-solid px-8 py-3 text-xl font-semibold text-white"
          >
            Allow
          </button>
          <button type="submit" name="decision" value="deny" className="rounded-lg border-2 border-ink px-8 py-3 text-xl font-semibold">
            Deny
          </button>
        </form>
      </main>
    </>
  );
}
