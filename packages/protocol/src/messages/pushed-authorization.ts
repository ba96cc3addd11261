/**
 * The answer of the pushed authorization request endpoint: a reference to the request the client
 * pushed, and how long it may be used.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.2
 */
export interface PushedAuthorizationResponse {
  /** `urn:ietf:params:oauth:request_uri:<reference>`, for the authorization request. */
  request_uri: string;
  /** Seconds the `request_uri` stays valid. */
  expires_in: number;
}

/**
 * What the user's browser carries to the authorization endpoint instead of the request itself:
 * the client and the reference it was given.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export interface PushedAuthorizationReference {
  client_id: string;
  request_uri: string;
}

/**
 * The URN namespace of request URIs that name a pushed request. RFC 9126 §2.2 suggests it; the
 * random part after it is this server's choice.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-7.1
 */
export const requestUriPrefix = "urn:ietf:params:oauth:request_uri:";

/** The `request_uri` for a reference (the encoding side of {@link referenceOfRequestUri}). */
export function formatRequestUri(reference: string): string {
  return `${requestUriPrefix}${reference}`;
}

/**
 * The reference inside a `request_uri` of this form, or undefined when the value is not one: a
 * URN of another namespace, or a URL, which this server never dereferences (RFC 9101 §5.2 would
 * let it fetch one; RFC 9126 has it issue its own).
 */
export function referenceOfRequestUri(requestUri: string): string | undefined {
  if (!requestUri.startsWith(requestUriPrefix)) return undefined;
  const reference = requestUri.slice(requestUriPrefix.length);
  return /^[A-Za-z0-9_-]{1,128}$/.test(reference) ? reference : undefined;
}
