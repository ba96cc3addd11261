/**
 * What each parameter of the lab's messages is for, in one line, shown beside its value. The same
 * name can mean something slightly different in another message, so each message has its own list.
 */

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1 */
export const authorizationRequestParameters: Record<string, string> = {
  response_type: "code: the lab asks for an authorization code, to exchange later.",
  client_id: "Who is asking: the lab's registration at PhotoCloud Accounts.",
  redirect_uri: "Where to send the browser back; it must equal a registered URI exactly.",
  scope: "What the lab asks to do: read the user's profile and photos, nothing more.",
  state: "A random value the lab checks on the way back, so a forged response is caught (CSRF).",
  code_challenge: "The SHA-256 of a secret code_verifier that stays in this tab (PKCE).",
  code_challenge_method: "S256: how the challenge was made from the verifier.",
  resource: "Which API the tokens are for: its identifier, which becomes the token's aud (RFC 8707).",
  dpop_jkt: "The thumbprint of this tab's DPoP key: the code will be redeemable with that key only (RFC 9449 §10).",
};

/** @see https://www.rfc-editor.org/rfc/rfc9126#section-4 */
export const pushedAuthorizationUrlParameters: Record<string, string> = {
  client_id: "Who is asking: it must be the client that pushed the request.",
  request_uri: "The reference the server handed out for the pushed request: single use, and short-lived.",
};

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2 */
export const authorizationResponseParameters: Record<string, string> = {
  code: "The authorization code: single-use, valid for 60 seconds, bound to this client and its challenge.",
  state: "Must be the value the lab sent in step 1.",
  iss: "Who answered; must be the issuer the lab asked (RFC 9207).",
  error: "Why there is no code (RFC 6749 §4.1.2.1).",
  error_description: "The server's explanation, for the developer.",
};

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3 */
export const tokenRequestParameters: Record<string, string> = {
  grant_type: "authorization_code: the lab trades a code for tokens.",
  code: "The code from step 3.",
  redirect_uri: "The same redirect URI as in step 1, which the code is bound to.",
  code_verifier: "The PKCE secret, revealed only now: its SHA-256 must equal the challenge of step 1.",
  client_id: "The lab names itself; as a public client it has no secret to prove it.",
  resource: "The same API as in step 1: the access token's audience (RFC 8707 §2.2).",
};
