import type { RequestParameters } from "../parameters.ts";
import { authorizationRequestParameterNames } from "./validate.ts";

/**
 * The query string of an authorization request, rebuilt from its parameters: how the request is
 * carried from the consent form back to `/authorize`, or on to sign-in.
 */
export function authorizationRequestQuery(parameters: RequestParameters): string {
  const query = new URLSearchParams();
  for (const name of authorizationRequestParameterNames) {
    const value = parameters.getIfValid(name);
    if (value !== undefined) query.set(name, value);
  }
  return query.toString();
}
