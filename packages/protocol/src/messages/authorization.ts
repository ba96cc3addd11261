import type { CodeChallengeMethod } from "../pkce.ts";

/**
 * The authorization request, step 1: query parameters of the authorization endpoint.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export interface AuthorizationRequest {
  response_type: "code";
  client_id: string;
  /** Required when the client registered more than one redirect URI. */
  redirect_uri?: string;
  scope?: string;
  /** Opaque to the server, returned unchanged; the client's defence against CSRF. */
  state?: string;
  code_challenge: string;
  code_challenge_method: CodeChallengeMethod;
  /**
   * The resource server the tokens are for, by its identifier (RFC 8707 §2): the `aud` of the
   * access tokens. The server's default resource when absent.
   */
  resource?: string;
}
