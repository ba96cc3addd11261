import { defineCheck, missingScopes, parseScope, rfcSection, ScopeSyntaxError } from "@seven-steps/protocol";
import { InvalidScope } from "./errors.ts";
import type { RequestParameters } from "./parameters.ts";

/**
 * Parses a `scope` parameter; malformed or empty is `invalid_scope`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseRequestedScope(value: string): string[] {
  try {
    const scopes = parseScope(value);
    if (scopes.length === 0) throw new InvalidScope("The scope parameter is empty.");
    return scopes;
  } catch (error) {
    if (error instanceof ScopeSyntaxError) throw new InvalidScope(error.message, { cause: error });
    throw error;
  }
}

/**
 * The requested scopes, which must be present (RFC 6749 §3.3 lets a server refuse to guess a
 * default), well formed, and all allowed to the client: at the authorization endpoint and in the
 * client credentials grant.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export const checkAllowedScope = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "every requested scope is allowed for this client",
    why: "A client can never ask for more than it was registered for.",
    see: rfcSection(6749, "3.3"),
    source: "apps/authorization-server/src/oauth/requested-scope.ts",
  },
  (parameters: RequestParameters, allowedScopes: string[]): string[] => {
    const value = parameters.get("scope");
    if (value === undefined) {
      throw new InvalidScope(`The scope parameter is required. This client may ask for: ${allowedScopes.join(" ")}.`);
    }
    const scopes = parseRequestedScope(value);
    const refused = missingScopes(scopes, allowedScopes);
    if (refused.length > 0) throw new InvalidScope(`This client may not ask for the scope ${refused.join(" ")}.`);
    return scopes;
  },
);
