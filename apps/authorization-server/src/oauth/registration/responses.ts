import { bearerChallenge, isValidErrorDescription, noStoreHeaders } from "@seven-steps/protocol";
import type { OAuthError } from "../errors.ts";
import { asOAuthError } from "../responses.ts";
import type { ClientInformationResponse } from "./client-metadata.ts";
import { InvalidToken, RegistrationError } from "./errors.ts";

/**
 * 201 Created, with the client's credentials and its registered metadata.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export function clientInformationResponse(body: ClientInformationResponse): Response {
  return Response.json(body, { status: 201, headers: noStoreHeaders });
}

/** The realm of the registration endpoint's Bearer challenge. */
export const registrationRealm = "PhotoCloud Accounts client registration";

/**
 * The one place where the registration endpoint turns an error into a response:
 * `{ error, error_description }`, 400 unless the error says otherwise. A refused initial access
 * token is a 401 with a Bearer challenge (RFC 6750 §3). Anything unexpected is `server_error`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2
 */
export function registrationErrorResponse(error: unknown): Response {
  const known: RegistrationError | OAuthError = error instanceof RegistrationError ? error : asOAuthError(error, "registration endpoint");
  // The same characters as RFC 6749 §5.2 allows: printable ASCII without `"` and `\`.
  const description = isValidErrorDescription(known.description)
    ? known.description
    : known.description.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, "?");
  const headers: Record<string, string> = { ...noStoreHeaders };
  if (known.retryAfterSeconds) headers["Retry-After"] = String(known.retryAfterSeconds);
  if (known instanceof InvalidToken) {
    headers["WWW-Authenticate"] = bearerChallenge(
      registrationRealm,
      known.tokenPresented ? { code: known.code, description } : undefined,
    );
  }
  return Response.json({ error: known.code, error_description: description }, { status: known.status, headers });
}
