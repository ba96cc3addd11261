import type { CheckTrail } from "@seven-steps/protocol";
import type { RegisteredClient } from "@/storage/clients";
import { OAuthError } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";
import { checkAllowedScope } from "../requested-scope.ts";
import { checkResource, checkScopesOfResource } from "../resource-indicators.ts";
import { checkClient, checkDpopJkt, checkPkce, checkPushedAsRequired, checkRedirectUri, checkResponseType } from "./checks.ts";

/** An authorization request that passed every check. */
export interface ValidAuthorizationRequest {
  client: RegisteredClient;
  redirectUri: string;
  redirectUriInRequest: boolean;
  state: string | undefined;
  scopes: string[];
  /** The resource server the tokens will be for: the identifier `resource` named, or the default (RFC 8707). */
  resource: string;
  /** That resource server's name, for the consent screen. */
  resourceName: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
  /** The DPoP key the code is bound to (RFC 9449 §10), when the request named one. */
  dpopJkt?: string;
}

export type AuthorizationRequestValidation =
  | { outcome: "valid"; request: ValidAuthorizationRequest }
  /** The client or its redirect URI cannot be trusted: tell the user, never redirect. */
  | { outcome: "show-error"; error: OAuthError }
  /**
   * Anything else: send the error back to the client's redirect URI, with its state, once the user
   * has signed in, and if this server trusts that URI (RFC 9700 §4.11.2, see
   * ../authorization-error.ts).
   */
  | { outcome: "redirect-error"; error: OAuthError; client: RegisteredClient; redirectUri: string; state: string | undefined };

/**
 * Validates an authorization request, in this order:
 *
 * 1. the client (`client_id`) and its redirect URI. If either is missing or wrong, the server
 *    must not redirect: that would make it an open redirector (RFC 6749 §4.1.2.1, RFC 9700
 *    §4.11).
 * 2. `state`, read (it is optional and returned unchanged), so the errors below can carry it back;
 * 3. for a client that requires it, that the request was pushed (RFC 9126 §6);
 * 4. `response_type`;
 * 5. PKCE;
 * 6. `resource`, the resource server the tokens are for (RFC 8707);
 * 7. `scope`, allowed to the client and accepted by that resource server;
 * 8. `dpop_jkt`, when sent (RFC 9449 §10).
 *
 * Each check records itself in `trail`, for the inspector. A pushed request is validated here
 * twice, when it is pushed and when it comes back by reference (`pushed`): the client or this
 * server's rules may have changed in between (RFC 9126 §4).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export async function validateAuthorizationRequest(
  parameters: RequestParameters,
  trail: CheckTrail,
  { pushed }: { pushed: boolean } = { pushed: false },
): Promise<AuthorizationRequestValidation> {
  let client: RegisteredClient;
  let redirect: { redirectUri: string; redirectUriInRequest: boolean };
  try {
    client = await checkClient(trail, parameters);
    redirect = checkRedirectUri(trail, parameters, client);
  } catch (error) {
    if (error instanceof OAuthError) return { outcome: "show-error", error };
    throw error;
  }

  let state: string | undefined;
  try {
    state = parameters.get("state");
    if (client.requirePushedAuthorizationRequests) checkPushedAsRequired(trail, pushed);
    checkResponseType(trail, parameters, client);
    const pkce = checkPkce(trail, parameters);
    const resourceServer = await checkResource(trail, parameters);
    const scopes = checkAllowedScope(trail, parameters, client.allowedScopes);
    checkScopesOfResource(trail, scopes, resourceServer);
    const dpopJkt = checkDpopJkt(trail, parameters);
    const resource = resourceServer.identifier;
    const resourceName = resourceServer.name;
    return { outcome: "valid", request: { client, ...redirect, state, scopes, resource, resourceName, ...pkce, ...(dpopJkt ? { dpopJkt } : {}) } };
  } catch (error) {
    if (error instanceof OAuthError) return { outcome: "redirect-error", error, client, redirectUri: redirect.redirectUri, state };
    throw error;
  }
}

/** The parameters that describe an authorization request, carried through sign-in and consent. */
export const authorizationRequestParameterNames = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
  "resource",
  "dpop_jkt",
] as const;
