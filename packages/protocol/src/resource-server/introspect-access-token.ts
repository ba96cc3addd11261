import { buildIntrospectionRequest, type ClientAuthentication } from "../client/token-request.ts";
import type { AccessTokenClaims } from "../messages/access-token.ts";
import type { IntrospectionResponse } from "../messages/token-lifecycle.ts";
import { CheckTrail, defineCheck, rfcSection } from "../checks/check.ts";
import { parseScope } from "../scope.ts";
import { checkAudience, type IsWeakened } from "./audience.ts";
import { isDpopConfirmation } from "./dpop-confirmation.ts";
import { InvalidToken } from "./errors.ts";
import { checkRequiredScopes } from "./required-scope.ts";

/** The introspection endpoint could not be asked: not the token's fault, so not invalid_token. */
export class IntrospectionUnavailable extends Error {
  override readonly name = "IntrospectionUnavailable";
}

export interface IntrospectAccessTokenOptions {
  introspectionEndpoint: string;
  /** The resource server's own credentials at the authorization server. */
  client: ClientAuthentication;
  /** This resource server's identifier, which the token's `aud` must contain. */
  audience: string;
  /** Scopes the request needs; left out, none is checked here (the caller checks them). */
  requiredScopes?: readonly string[];
  /** Where the checks record themselves, for the inspector. */
  trail?: CheckTrail;
  fetch?: typeof globalThis.fetch;
  /** For the attack lab only: whether the audience check is switched off for this request. */
  isWeakened?: IsWeakened;
}

type ActiveIntrospection = Extract<IntrospectionResponse, { active: true }>;
/** An introspection answer that describes an access token: active, with its claims. */
type ActiveAccessToken = ActiveIntrospection & Required<Pick<ActiveIntrospection, "iss" | "sub" | "exp" | "iat" | "jti" | "client_id">>;

/** @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2 */
export const checkIntrospectionAnswer = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the authorization server says the token is active",
    why: "Asked at every request, the authorization server refuses a revoked token at once.",
    see: rfcSection(7662, "2.2"),
    source: "packages/protocol/src/resource-server/introspect-access-token.ts",
  },
  (answer: IntrospectionResponse): ActiveAccessToken => {
    if (!answer.active) throw new InvalidToken("The access token is not active: it was revoked, has expired, or is unknown.");
    if (!answer.sub || !answer.client_id || !answer.jti || !answer.exp || !answer.iat || !answer.iss) {
      throw new InvalidToken("The introspection answer lacks the claims of an access token.");
    }
    if (answer.cnf !== undefined && !isDpopConfirmation(answer.cnf)) throw new InvalidToken("The introspection answer's cnf is malformed.");
    return answer as ActiveAccessToken;
  },
);

/**
 * Validates an access token by asking the authorization server (RFC 7662) instead of checking its
 * signature locally. It costs a request per call, and in return a revoked token fails at once,
 * where a locally validated JWT keeps working until it expires.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-4
 */
export async function introspectAccessToken(token: string, options: IntrospectAccessTokenOptions): Promise<AccessTokenClaims> {
  const { url, init } = buildIntrospectionRequest(options.introspectionEndpoint, { token, token_type_hint: "access_token" }, options.client);
  let answer: IntrospectionResponse;
  try {
    const response = await (options.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`the introspection endpoint answered ${response.status}`);
    answer = (await response.json()) as IntrospectionResponse;
  } catch (error) {
    throw new IntrospectionUnavailable("The authorization server could not be asked about the access token.", { cause: error });
  }

  const trail = options.trail ?? new CheckTrail();
  const active = checkIntrospectionAnswer(trail, answer);
  checkAudience(trail, active.aud, options.audience, options.isWeakened);
  if (options.requiredScopes) checkRequiredScopes(trail, parseScope(active.scope ?? ""), options.requiredScopes);
  return {
    iss: active.iss,
    sub: active.sub,
    aud: active.aud ?? options.audience,
    exp: active.exp,
    iat: active.iat,
    jti: active.jti,
    client_id: active.client_id,
    ...(active.scope === undefined ? {} : { scope: active.scope }),
    ...(active.cnf === undefined ? {} : { cnf: { jkt: active.cnf.jkt } }),
  };
}
