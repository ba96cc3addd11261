import type { RequestParameters } from "../parameters.ts";
import { authorizationRequestParameterNames } from "./validate.ts";

/**
 * The parameters that describe an authorization request, as name and value pairs: a value that is
 * too long is left out, and `resource`, which may be repeated (RFC 8707 §2), keeps each distinct
 * value. How the request is carried through sign-in and the consent form back to `/authorize`.
 */
export function authorizationRequestFields(parameters: RequestParameters): [string, string][] {
  return authorizationRequestParameterNames.flatMap((name) => {
    try {
      return [...new Set(parameters.getAll(name))].map((value): [string, string] => [name, value]);
    } catch {
      return [];
    }
  });
}

/** The query string of an authorization request, rebuilt from its parameters. */
export function authorizationRequestQuery(parameters: RequestParameters): string {
  return new URLSearchParams(authorizationRequestFields(parameters)).toString();
}
