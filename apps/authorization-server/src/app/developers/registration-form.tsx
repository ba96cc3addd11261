import type { ReactNode } from "react";
import { maxParameterLength } from "@/oauth/parameters";
import type { RegistrationFormError, RegistrationFormField, RegistrationFormValues } from "@/oauth/registration/form";

const inputClass = "w-full rounded-lg border-2 border-line bg-surface px-3 py-2 aria-invalid:border-fail";

/** An error shown next to the field it concerns, and read out when it appears. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="rounded-lg border-2 border-fail bg-fail-soft px-3 py-2 text-base font-semibold text-fail">
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
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border-2 border-line bg-surface px-4 py-3 has-checked:border-role-authorization-server has-checked:bg-role-authorization-server-soft has-disabled:cursor-default">
      {children}
    </label>
  );
}

/**
 * The registration form of the Developers page, a plain HTML form posted to /developers/register.
 * A refused registration shows it again as it was, with the error next to its field; that field
 * takes the focus, which brings it into view and has a screen reader read its error.
 */
export function RegistrationForm({
  values,
  error,
  scopes,
  asksForInitialAccessToken,
}: {
  values: RegistrationFormValues;
  error: RegistrationFormError | undefined;
  scopes: { scope: string; consentText: string }[];
  asksForInitialAccessToken: boolean;
}) {
  const errorFor = (...fields: RegistrationFormField[]) => (error && fields.includes(error.field) ? error.message : undefined);
  const invalid = (...fields: RegistrationFormField[]) => (errorFor(...fields) ? true : undefined);

  return (
    <form method="post" action="/developers/register" className="space-y-7" aria-label="Register a client">
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
          autoFocus={invalid("client_name")}
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
          maxLength={maxParameterLength}
          spellCheck={false}
          placeholder="https://app.example/callback"
          autoFocus={invalid("redirect_uris")}
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
          {scopes.map(({ scope, consentText }, index) => (
            <Choice key={scope}>
              <input
                type="checkbox"
                name="scope"
                value={scope}
                defaultChecked={values.scopes.includes(scope)}
                autoFocus={index === 0 ? invalid("scope") : undefined}
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
            autoFocus={invalid("initial_access_token")}
            aria-invalid={invalid("initial_access_token")}
            aria-describedby={
              errorFor("initial_access_token") ? "initial_access_token-hint initial_access_token-error" : "initial_access_token-hint"
            }
            className={`${inputClass} font-mono`}
          />
          <FieldError id="initial_access_token-error" message={errorFor("initial_access_token")} />
        </div>
      ) : null}

      <button type="submit" className="rounded-lg bg-role-authorization-server-solid px-8 py-3 text-xl font-semibold text-white">
        Register client
      </button>
    </form>
  );
}
