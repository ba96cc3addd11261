"use server";

import type { ClientInformationResponse, ClientMetadataRequest } from "@/oauth/registration/client-metadata";
import { InvalidToken, RegistrationError, type ClientMetadataField } from "@/oauth/registration/errors";
import { checkInitialAccessToken } from "@/oauth/registration/initial-access-token";
import { registerClient } from "@/oauth/registration/register-client";

/** What the Developers form holds, kept between attempts so that a refused one can be corrected. */
export interface RegistrationFormValues {
  client_name: string;
  /** One URI per line. */
  redirect_uris: string;
  client_type: "confidential" | "public";
  scopes: string[];
  refresh_token: boolean;
}

/** Which part of the form an error is shown next to. */
export type RegistrationFormField = ClientMetadataField | "initial_access_token" | "form";

export type RegistrationFormState =
  | { outcome: "editing"; values: RegistrationFormValues; error?: { field: RegistrationFormField; message: string } }
  | { outcome: "registered"; client: ClientInformationResponse };

function valuesOf(form: FormData): RegistrationFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    client_name: text("client_name"),
    redirect_uris: text("redirect_uris"),
    client_type: text("client_type") === "public" ? "public" : "confidential",
    scopes: form.getAll("scope").filter((scope): scope is string => typeof scope === "string"),
    refresh_token: form.has("refresh_token"),
  };
}

/**
 * The form, as the client metadata of RFC 7591 §2: a confidential client authenticates with
 * `client_secret_basic`, a public one with `none`; the authorization code grant is always there.
 */
function metadataOf(values: RegistrationFormValues): ClientMetadataRequest {
  return {
    client_name: values.client_name,
    redirect_uris: values.redirect_uris
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    token_endpoint_auth_method: values.client_type === "public" ? "none" : "client_secret_basic",
    grant_types: values.refresh_token ? ["authorization_code", "refresh_token"] : ["authorization_code"],
    scope: values.scopes.join(" "),
  };
}

/**
 * The Developers page's form, registered by the same `registerClient` as POST /register, with the
 * same initial access token when the server requires one. Next.js accepts a server action only
 * from a page of this origin, which stops other sites from registering clients through a
 * visitor's browser.
 */
export async function registerClientFromForm(_previous: RegistrationFormState, form: FormData): Promise<RegistrationFormState> {
  const values = valuesOf(form);
  try {
    const token = form.get("initial_access_token");
    checkInitialAccessToken(typeof token === "string" && token !== "" ? token : undefined);
    return { outcome: "registered", client: await registerClient(metadataOf(values)) };
  } catch (error) {
    if (error instanceof InvalidToken) {
      return {
        outcome: "editing",
        values,
        error: { field: "initial_access_token", message: "That is not the initial access token of this server." },
      };
    }
    if (error instanceof RegistrationError) {
      return { outcome: "editing", values, error: { field: error.field ?? "form", message: error.description } };
    }
    console.error("developers page: unexpected error", error);
    return { outcome: "editing", values, error: { field: "form", message: "The client could not be registered. Try again later." } };
  }
}
