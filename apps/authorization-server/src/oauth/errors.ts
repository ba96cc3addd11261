import { databaseRetryAfterSeconds } from "@seven-steps/db";
import type { AuthorizationErrorCode, TokenErrorCode } from "@seven-steps/protocol";

/**
 * One class per error code of RFC 6749. Code paths throw these; exactly one place per endpoint
 * turns them into a response (see ./responses.ts). The `description` is sent to the client as
 * `error_description`, so it says what to do and never includes secrets; details for the logs go
 * into `cause`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export abstract class OAuthError<Code extends string = AuthorizationErrorCode | TokenErrorCode> extends Error {
  abstract readonly code: Code;
  /** The HTTP status at the token endpoint: 400 unless RFC 6749 §5.2 says otherwise. */
  readonly status: number = 400;
  /** Set when the caller must wait before trying again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
    this.name = new.target.name;
  }
}

export class InvalidRequest extends OAuthError {
  readonly code = "invalid_request";
}

/**
 * Client authentication failed. 401 with `WWW-Authenticate: Basic` when the client tried the
 * Authorization header (RFC 6749 §5.2), 400 otherwise; 429 with Retry-After when the client has
 * failed too often and must wait.
 */
export class InvalidClient extends OAuthError {
  readonly code = "invalid_client";
  override readonly status: number;
  override readonly retryAfterSeconds?: number;

  constructor(
    description: string,
    readonly triedBasicAuthentication: boolean,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(description, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.status = options?.retryAfterSeconds ? 429 : triedBasicAuthentication ? 401 : 400;
  }
}

export class InvalidGrant extends OAuthError {
  readonly code = "invalid_grant";
}

export class UnauthorizedClient extends OAuthError {
  readonly code = "unauthorized_client";
}

export class UnsupportedGrantType extends OAuthError {
  readonly code = "unsupported_grant_type";
}

export class InvalidScope extends OAuthError {
  readonly code = "invalid_scope";
}

/**
 * The `resource` is malformed, unknown, or one this server cannot issue a token for here.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
export class InvalidTarget extends OAuthError {
  readonly code = "invalid_target";
}

export class AccessDenied extends OAuthError {
  readonly code = "access_denied";
}

export class UnsupportedResponseType extends OAuthError {
  readonly code = "unsupported_response_type";
}

/**
 * The DPoP proof of a token request fails a check of RFC 9449 §4.3 (the protocol's checks say
 * which), or the proven key is not the one the code or refresh token is bound to.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export class InvalidDpopProof extends OAuthError {
  readonly code = "invalid_dpop_proof";
}

/**
 * This server wants its nonce in the DPoP proof: 400, with the nonce to use in `DPoP-Nonce`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export class UseDpopNonce extends OAuthError {
  readonly code = "use_dpop_nonce";

  constructor(
    description: string,
    readonly nonce: string,
  ) {
    super(description);
  }
}

/**
 * The `request_uri` names no authorization request this server can serve: unknown, expired,
 * already used, or pushed by another client.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9101#section-7
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export class InvalidRequestUri extends OAuthError {
  readonly code = "invalid_request_uri";
}

export class ServerError extends OAuthError {
  readonly code = "server_error";
  override readonly status = 500;
}

/**
 * The server cannot answer for a moment: its database is unavailable (packages/db/src/
 * unavailable.ts says which failures are). 503 with `Retry-After`; the same request, unchanged,
 * succeeds once the database is back, with nothing restarted.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */
export class TemporarilyUnavailable extends OAuthError {
  readonly code = "temporarily_unavailable";
  override readonly status = 503;
  override readonly retryAfterSeconds = databaseRetryAfterSeconds;
}
