import { CheckTrail, type TokenEndpointAuthMethod } from "@seven-steps/protocol";
import type { RequestParameters } from "../parameters.ts";
import { defaultScope } from "./checks.ts";
import type { ClientMetadataRequest } from "./client-metadata.ts";
import { InvalidToken, RegistrationError, type ClientMetadataField } from "./errors.ts";
import { validateClientMetadata } from "./validate.ts";

/**
 * The registration form of the Developers page, for a person: what it holds, how it becomes the
 * client metadata of RFC 7591 §2 that `registerClient` checks, and how a refused registration
 * carries it back to the page so that it can be corrected.
 */

/** What the Developers form holds, kept between attempts so that a refused one can be corrected. */
export interface RegistrationFormValues {
  client_name: string;
  /** One URI per line. */
  redirect_uris: string;
  client_type: "confidential" | "public";
  scopes: string[];
  refresh_token: boolean;
}

/** The parts of the form an error can be shown next to; `form` is the form as a whole. */
const registrationFormFields = [
  "form",
  "client_name",
  "redirect_uris",
  "token_endpoint_auth_method",
  "grant_types",
  "response_types",
  "scope",
  "initial_access_token",
] as const satisfies readonly (ClientMetadataField | "initial_access_token" | "form")[];

export type RegistrationFormField = (typeof registrationFormFields)[number];

export interface RegistrationFormError {
  field: RegistrationFormField;
  message: string;
}

/** The form as it first appears: a confidential client, with the default scope and refresh tokens. */
export const emptyRegistrationForm: RegistrationFormValues = {
  client_name: "",
  redirect_uris: "",
  client_type: "confidential",
  scopes: defaultScope.split(" "),
  refresh_token: true,
};

/**
 * The form as posted. A checkbox left unchecked is not sent at all, and each checked scope is
 * sent as its own `scope` field. The initial access token is not part of it: it is checked and
 * forgotten.
 */
export function registrationFormValues(form: RequestParameters): RegistrationFormValues {
  return {
    client_name: form.getIfValid("client_name") ?? "",
    redirect_uris: form.getIfValid("redirect_uris") ?? "",
    client_type: form.getIfValid("client_type") === "public" ? "public" : "confidential",
    scopes: form.entries().flatMap(([name, value]) => (name === "scope" && value !== "" ? [value] : [])),
    refresh_token: form.getIfValid("refresh_token") !== undefined,
  };
}

/**
 * The form, as the client metadata of RFC 7591 §2: a confidential client authenticates with
 * `client_secret_basic`, a public one with `none`; the authorization code grant is always there.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export function clientMetadataOf(values: RegistrationFormValues): ClientMetadataRequest {
  return {
    client_name: values.client_name,
    redirect_uris: values.redirect_uris
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    token_endpoint_auth_method: (values.client_type === "public" ? "none" : "client_secret_basic") satisfies TokenEndpointAuthMethod,
    grant_types: values.refresh_token ? ["authorization_code", "refresh_token"] : ["authorization_code"],
    scope: values.scopes.join(" "),
  };
}

const wrongInitialAccessToken: RegistrationFormError = {
  field: "initial_access_token",
  message: "That is not the initial access token of this server.",
};

/** Why a registration was refused, next to the field it concerns. */
export function registrationFormError(error: RegistrationError): RegistrationFormError {
  if (error instanceof InvalidToken) return wrongInitialAccessToken;
  // A field the form does not have (it never sends one) is shown against the form as a whole.
  return { field: isRegistrationFormField(error.field) ? error.field : "form", message: error.description };
}

/**
 * The query of the redirect back to the form after a refused registration: which field was
 * refused, and what was typed. Never the initial access token: a URL is kept in the browser's
 * history and in server logs, so the user types the token again. Nor the message: the page works
 * it out again from the values, so that nobody can craft a link to this page showing words of
 * their own in its alert.
 */
export function refusedRegistrationQuery(values: RegistrationFormValues, error: RegistrationFormError): string {
  const query = new URLSearchParams({
    field: error.field,
    client_name: values.client_name,
    redirect_uris: values.redirect_uris,
    client_type: values.client_type,
    scope: values.scopes.join(" "),
  });
  if (values.refresh_token) query.set("refresh_token", "on");
  return query.toString();
}

function isRegistrationFormField(value: string | undefined): value is RegistrationFormField {
  return (registrationFormFields as readonly (string | undefined)[]).includes(value);
}

/**
 * Why these values were refused, found again by the same checks as `registerClient`. Only the
 * initial access token is not in the values, so its refusal is taken from the query's `field`.
 */
function refusalOf(values: RegistrationFormValues, field: RegistrationFormField): RegistrationFormError | undefined {
  if (field === "initial_access_token") return wrongInitialAccessToken;
  try {
    validateClientMetadata(clientMetadataOf(values), new CheckTrail());
    return undefined;
  } catch (error) {
    if (error instanceof RegistrationError) return registrationFormError(error);
    throw error;
  }
}

/**
 * The form as /developers shows it: as a refused registration left it, from the query made by
 * {@link refusedRegistrationQuery}, or else empty.
 */
export function registrationFormState(query: Record<string, string | string[] | undefined>): {
  values: RegistrationFormValues;
  error?: RegistrationFormError;
} {
  const text = (name: string) => {
    const value = query[name];
    return typeof value === "string" ? value : "";
  };
  const field = text("field");
  if (!isRegistrationFormField(field)) return { values: emptyRegistrationForm };
  const values: RegistrationFormValues = {
    client_name: text("client_name"),
    redirect_uris: text("redirect_uris"),
    client_type: text("client_type") === "public" ? "public" : "confidential",
    scopes: text("scope").split(" ").filter((scope) => scope !== ""),
    refresh_token: text("refresh_token") !== "",
  };
  return { values, error: refusalOf(values, field) };
}
