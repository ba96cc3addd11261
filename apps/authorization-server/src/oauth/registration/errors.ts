import { OAuthError } from "../errors.ts";

/**
 * The error codes of the registration endpoint. RFC 7591 §3.2.2 defines the first two for client
 * metadata the server refuses; a missing or wrong initial access token is answered the way its
 * token type says, which for a Bearer token is RFC 6750's `invalid_token` (RFC 7591 §3).
 *
 * A request that cannot be read at all (not JSON, too large) is the `InvalidRequest` of
 * ../errors.ts: it is the same RFC 6749 code, so it is the same class.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2
 */
export type RegistrationErrorCode = "invalid_redirect_uri" | "invalid_client_metadata" | "invalid_token";

/** The client metadata fields this server reads, each of which a registration error may concern. */
export type ClientMetadataField =
  | "client_name"
  | "redirect_uris"
  | "token_endpoint_auth_method"
  | "grant_types"
  | "response_types"
  | "scope"
  | "dpop_bound_access_tokens"
  | "require_pushed_authorization_requests";

/**
 * One class per error code, like ../errors.ts. `description` goes to the client as
 * `error_description`; `field` names the metadata it concerns, so a form can show the message
 * next to that field.
 */
export abstract class RegistrationError extends OAuthError<RegistrationErrorCode> {
  abstract readonly field: ClientMetadataField | undefined;
}

/**
 * "The value of one or more redirection URIs is invalid." The description names the URI by its
 * index, `redirect_uris[1]`, and says what is wrong with it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2
 */
export class InvalidRedirectUri extends RegistrationError {
  readonly code = "invalid_redirect_uri";
  readonly field = "redirect_uris";
}

/**
 * "The value of one of the client metadata fields is invalid and the server has rejected this
 * request." The description names the field.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2
 */
export class InvalidClientMetadata extends RegistrationError {
  readonly code = "invalid_client_metadata";

  constructor(
    readonly field: ClientMetadataField,
    description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
  }
}

/**
 * The initial access token is missing or wrong: 401, with a Bearer challenge. The challenge names
 * the error only when a token was presented (RFC 6750 §3.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export class InvalidToken extends RegistrationError {
  readonly code = "invalid_token";
  readonly field = undefined;
  override readonly status = 401;

  constructor(
    description: string,
    readonly tokenPresented: boolean,
  ) {
    super(description);
  }
}
