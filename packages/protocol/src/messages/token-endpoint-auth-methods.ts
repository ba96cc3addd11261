/**
 * How a client authenticates at the token endpoint, by the names it registers
 * (`token_endpoint_auth_method`) and an authorization server announces
 * (`token_endpoint_auth_methods_supported`):
 * - `client_secret_basic`: its id and secret in an HTTP Basic `Authorization` header;
 * - `client_secret_post`: its id and secret in the form body;
 * - `none`: a public client, with no secret, sending only its `client_id`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export const tokenEndpointAuthMethods = ["client_secret_basic", "client_secret_post", "none"] as const;

export type TokenEndpointAuthMethod = (typeof tokenEndpointAuthMethods)[number];
