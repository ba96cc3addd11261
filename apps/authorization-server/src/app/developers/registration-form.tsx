"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ClientInformationResponse } from "@/oauth/registration/client-metadata";
import { registerClientFromForm, type RegistrationFormField, type RegistrationFormState, type RegistrationFormValues } from "./actions";

const inputClass = "w-full rounded-lg border-2 border-line bg-white px-3 py-2 aria-invalid:border-red-700";

/** An error shown next to the field it concerns, and read out when it appears. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 px-3 py-2 text-base font-semibold text-red-800">
      {message}
    </p>
  );
}

/** A labelled block of the form: its title, a hint, the inputs, and its error. */
function Field({
  legend,
  hint,
  error,
  errorId,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string;
  errorId: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? <p className="text-base text-muted">{hint}</p> : null}
      {children}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/** One radio button or checkbox, as a card that shows when it is chosen. */
function Choice({ children }: { children: ReactNode }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border-2 border-line bg-white px-4 py-3 has-checked:border-role-authorization-server has-checked:bg-role-authorization-server-soft has-disabled:cursor-default">
      {children}
    </label>
  );
}

/**
 * The registration form of the Developers page. It posts to a server action that calls the same
 * `registerClient` as POST /register; a refused registration comes back with the form as it was
 * and the error next to its field.
 */
export function RegistrationForm({
  initialValues,
  scopes,
  asksForInitialAccessToken,
  metadataUrl,
}: {
  initialValues: RegistrationFormValues;
  scopes: { scope: string; consentText: string }[];
  asksForInitialAccessToken: boolean;
  metadataUrl: string;
}) {
  const [state, formAction, pending] = useActionState<RegistrationFormState, FormData>(registerClientFromForm, {
    outcome: "editing",
    values: initialValues,
  });
  if (state.outcome === "registered") return <RegisteredClient client={state.client} metadataUrl={metadataUrl} />;

  const { values, error } = state;
  const errorFor = (...fields: RegistrationFormField[]) => (error && fields.includes(error.field) ? error.message : undefined);
  const invalid = (...fields: RegistrationFormField[]) => (errorFor(...fields) ? true : undefined);

  return (
    <form action={formAction} className="space-y-7" aria-label="Register a client">
      <FieldError id="form-error" message={errorFor("form")} />

      <div className="space-y-2">
        <label htmlFor="client_name" className="block font-semibold">
          Client name
        </label>
        <p id="client_name-hint" className="text-base text-muted">
          Users see it when they are asked to allow access.
        </p>
        <input
          id="client_name"
          name="client_name"
          defaultValue={values.client_name}
          required
          maxLength={100}
          autoComplete="off"
          aria-invalid={invalid("client_name")}
          aria-describedby={errorFor("client_name") ? "client_name-hint client_name-error" : "client_name-hint"}
          className={inputClass}
        />
        <FieldError id="client_name-error" message={errorFor("client_name")} />
      </div>

      <div className="space-y-2">
        <label htmlFor="redirect_uris" className="block font-semibold">
          Redirect URIs
        </label>
        <p id="redirect_uris-hint" className="text-base text-muted">
          One per line. Where codes are sent after the user decides: https, or http on <code>localhost</code>, <code>127.0.0.1</code> or{" "}
          <code>[::1]</code>.
        </p>
        <textarea
          id="redirect_uris"
          name="redirect_uris"
          defaultValue={values.redirect_uris}
          required
          rows={3}
          spellCheck={false}
          placeholder="https://app.example/callback"
          aria-invalid={invalid("redirect_uris")}
          aria-describedby={errorFor("redirect_uris") ? "redirect_uris-hint redirect_uris-error" : "redirect_uris-hint"}
          className={`${inputClass} font-mono text-base`}
        />
        <FieldError id="redirect_uris-error" message={errorFor("redirect_uris")} />
      </div>

      <Field legend="Type" error={errorFor("token_endpoint_auth_method")} errorId="client_type-error">
        <div className="grid gap-3 sm:grid-cols-2">
          <Choice>
            <input
              type="radio"
              name="client_type"
              value="confidential"
              defaultChecked={values.client_type === "confidential"}
              className="mt-1.5 size-5 shrink-0 accent-role-authorization-server"
            />
            <span>
              <span className="block font-semibold">Confidential (has a secret)</span>
              <span className="block text-base text-muted">A server-side app. It sends its secret with HTTP Basic.</span>
            </span>
          </Choice>
          <Choice>
            <input
              type="radio"
              name="client_type"
              value="public"
              defaultChecked={values.client_type === "public"}
              className="mt-1.5 size-5 shrink-0 accent-role-authorization-server"
            />
            <span>
              <span className="block font-semibold">Public (no secret, uses PKCE)</span>
              <span className="block text-base text-muted">A browser or mobile app: anyone can read its code.</span>
            </span>
          </Choice>
        </div>
      </Field>

      <Field
        legend="Allowed scopes"
        hint="What the client may ask users for, in the words the consent screen uses."
        error={errorFor("scope")}
        errorId="scope-error"
      >
        <div className="space-y-2">
          {scopes.map(({ scope, consentText }) => (
            <Choice key={scope}>
              <input
                type="checkbox"
                name="scope"
                value={scope}
                defaultChecked={values.scopes.includes(scope)}
                className="mt-1.5 size-5 shrink-0 accent-role-authorization-server"
              />
              <span className="grid flex-1 grid-cols-[1fr_auto] items-baseline gap-x-4">
                <span className="font-semibold">{consentText}</span>
                <code className="text-base text-muted">{scope}</code>
              </span>
            </Choice>
          ))}
        </div>
      </Field>

      <Field legend="Grant types" error={errorFor("grant_types", "response_types")} errorId="grant_types-error">
        <div className="space-y-2">
          <Choice>
            <input type="checkbox" checked disabled readOnly className="mt-1.5 size-5 shrink-0 accent-role-authorization-server" />
            <span className="grid flex-1 grid-cols-[1fr_auto] items-baseline gap-x-4">
              <span>
                <span className="block font-semibold">Authorization code</span>
                <span className="block text-base text-muted">Always: users sign in here and allow access.</span>
              </span>
              <code className="text-base text-muted">authorization_code</code>
            </span>
          </Choice>
          <Choice>
            <input
              type="checkbox"
              name="refresh_token"
              defaultChecked={values.refresh_token}
              className="mt-1.5 size-5 shrink-0 accent-role-authorization-server"
            />
            <span className="grid flex-1 grid-cols-[1fr_auto] items-baseline gap-x-4">
              <span>
                <span className="block font-semibold">Refresh token</span>
                <span className="block text-base text-muted">Keeps access when the access token expires, without asking again.</span>
              </span>
              <code className="text-base text-muted">refresh_token</code>
            </span>
          </Choice>
        </div>
      </Field>

      {asksForInitialAccessToken ? (
        <div className="space-y-2">
          <label htmlFor="initial_access_token" className="block font-semibold">
            Initial access token
          </label>
          <p id="initial_access_token-hint" className="text-base text-muted">
            This server registers clients only for whoever has its initial access token (RFC 7591 §3).
          </p>
          <input
            id="initial_access_token"
            name="initial_access_token"
            type="password"
            autoComplete="off"
            required
            aria-invalid={invalid("initial_access_token")}
            aria-describedby={
              errorFor("initial_access_token") ? "initial_access_token-hint initial_access_token-error" : "initial_access_token-hint"
            }
            className={`${inputClass} font-mono`}
          />
          <FieldError id="initial_access_token-error" message={errorFor("initial_access_token")} />
        </div>
      ) : null}

      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-role-authorization-server px-8 py-3 text-xl font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Registering…" : "Register client"}
      </button>
    </form>
  );
}

/** A value the app must be configured with, large enough to read from the back of the room. */
function Credential({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1">
      <p className="font-mono text-base text-muted">{label}</p>
      <p className="rounded-lg border-2 border-line bg-white px-4 py-2 font-mono text-xl font-semibold break-all select-all">{value}</p>
    </div>
  );
}

/** The new client, with its secret shown this one time. */
function RegisteredClient({ client, metadataUrl }: { client: ClientInformationResponse; metadataUrl: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The result replaces the form, which may have been scrolled far down: bring it into view.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby="registered-heading" className="space-y-6">
      <div
        role="status"
        className="space-y-1 rounded-xl border-2 border-role-authorization-server bg-role-authorization-server-soft px-5 py-4"
      >
        <h2 id="registered-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold outline-none">
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
          <p role="note" className="rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-800">
            Copy the secret now: it is shown this once. PhotoCloud Accounts keeps only its SHA-256 hash, so it cannot show it again.
          </p>
        </div>
      )}

      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-xl border-2 border-line bg-white px-5 py-4 text-base">
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

      <details className="rounded-xl border-2 border-line bg-white px-5 py-3">
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
