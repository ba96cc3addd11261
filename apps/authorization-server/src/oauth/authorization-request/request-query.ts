import type { RequestParameters } from "../parameters.ts";
import { authorizationRequestParameterNames } from "./validate.ts";

const pushedRequestParameterNames = ["client_id", "request_uri"] as const;

/**
 * The parameters that describe an authorization request, as name and value pairs: a value that is
 * too long is left out, and `resource`, which may be repeated (RFC 8707 §2), keeps each distinct
 * value. How the request is carried through sign-in and the consent form back to `/authorize`. A
 * pushed request travels as it came, by reference: `client_id` and `request_uri` (RFC 9126 §4).
 */
export function authorizationRequestFields(parameters: RequestParameters): [string, string][] {
  const names: readonly string[] =
    parameters.getIfValid("request_uri") === undefined ? authorizationRequestParameterNames : pushedRequestParameterNames;
  return names.flatMap((name) => {
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
