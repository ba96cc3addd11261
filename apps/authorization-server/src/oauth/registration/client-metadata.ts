import type { TokenEndpointAuthMethod } from "@seven-steps/protocol";

/** The grant types a client may register here: the ones the token endpoint serves. */
export const registrableGrantTypes = ["authorization_code", "refresh_token", "client_credentials"] as const;
export type RegistrableGrantType = (typeof registrableGrantTypes)[number];

/**
 * The client metadata as the client sent it: a JSON object whose values are not yet checked.
 * Members this server does not understand are ignored (RFC 7591 §2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export type ClientMetadataRequest = Record<string, unknown>;

/**
 * The client metadata this server registered, with the defaults filled in. Spec names, since they
 * go back on the wire.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export interface ClientMetadata {
  client_name: string;
  redirect_uris: string[];
  grant_types: RegistrableGrantType[];
  /** `["code"]` with the authorization code grant, empty without it. */
  response_types: "code"[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  /** Space-separated, like the `scope` parameter (RFC 6749 §3.3). */
  scope: string;
  /** Every token request of the client carries a DPoP proof (RFC 9449 §5.2). */
  dpop_bound_access_tokens: boolean;
  /** @see https://www.rfc-editor.org/rfc/rfc9126#section-6 */
  require_pushed_authorization_requests: boolean;
}

/**
 * The answer to a successful registration: the client's credentials, and every metadata value as
 * registered.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export interface ClientInformationResponse extends ClientMetadata {
  client_id: string;
  /** Only for a confidential client. Shown this once: the server keeps only its hash. */
  client_secret?: string;
  /** Seconds since the epoch. */
  client_id_issued_at: number;
  /** Required with a `client_secret`: when it expires, in seconds since the epoch, or 0 for never. */
  client_secret_expires_at?: number;
}
