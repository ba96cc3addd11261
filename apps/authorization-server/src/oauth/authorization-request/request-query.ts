import type { RequestParameters } from "../parameters.ts";
import { authorizationRequestParameterNames } from "./validate.ts";

const pushedRequestParameterNames = ["client_id", "request_uri"] as const;

/**
 * The query string of an authorization request, rebuilt from its parameters: how the request is
 * carried from the consent form back to `/authorize`, or on to sign-in. A pushed request travels
 * as it came, by reference: `client_id` and `request_uri` (RFC 9126 §4).
 */
export function authorizationRequestQuery(parameters: RequestParameters): string {
  const query = new URLSearchParams();
  const names = parameters.getIfValid("request_uri") === undefined ? authorizationRequestParameterNames : pushedRequestParameterNames;
  for (const name of names) {
    const value = parameters.getIfValid(name);
    if (value !== undefined) query.set(name, value);
  }
  return query.toString();
}
