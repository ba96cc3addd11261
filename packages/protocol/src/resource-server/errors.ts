import type { BearerErrorCode } from "../error-codes.ts";

/**
 * Why a resource server refuses an access token, as RFC 6750 §3.1 names it. The `description`
 * goes into the `error_description` of the `WWW-Authenticate` header, so it never holds the token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export abstract class BearerTokenError extends Error {
  abstract readonly code: BearerErrorCode;
  abstract readonly status: 400 | 401 | 403;

  constructor(
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
    this.name = new.target.name;
  }
}

/** The request is malformed: for example an Authorization header that is not `Bearer <token>`. */
export class InvalidBearerRequest extends BearerTokenError {
  readonly code = "invalid_request";
  readonly status = 400;
}

/** The token is expired, revoked, malformed, or not meant for this resource server. */
export class InvalidToken extends BearerTokenError {
  readonly code = "invalid_token";
  readonly status = 401;
}

/** The token is valid, but lacks a scope this request needs. */
export class InsufficientScope extends BearerTokenError {
  readonly code = "insufficient_scope";
  readonly status = 403;

  constructor(
    readonly requiredScopes: readonly string[],
    description = `This request needs the scope ${requiredScopes.join(" ")}.`,
  ) {
    super(description);
  }
}

/**
 * The signing keys could not be fetched: the authorization server is unreachable. Not the token's
 * fault, so not `invalid_token`; the request may be retried.
 */
export class SigningKeysUnavailable extends Error {
  override readonly name = "SigningKeysUnavailable";
}
