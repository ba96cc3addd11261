/**
 * Why a `resource` value cannot name a resource server: it is not an absolute URI, or it has a
 * fragment.
 */
export class ResourceIndicatorError extends Error {
  override readonly name = "ResourceIndicatorError";
}

/**
 * Checks the syntax of a resource indicator and returns it unchanged: an absolute URI (a scheme,
 * then the rest, RFC 3986 §4.3) without a fragment. It is compared as a string afterwards, exactly
 * as the client sent it, never normalised.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
export function parseResourceIndicator(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ResourceIndicatorError(`The resource must be an absolute URI, such as https://api.example.com; got ${JSON.stringify(value.slice(0, 60))}.`);
  }
  // `new URL` accepts some strings that only start like a URI; RFC 3986 asks for scheme ":" first.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || /\s/.test(value)) {
    throw new ResourceIndicatorError("The resource must be an absolute URI without spaces.");
  }
  if (value.includes("#") || url.hash !== "") {
    throw new ResourceIndicatorError("The resource must not have a fragment (#...): a fragment never reaches a server.");
  }
  return value;
}
