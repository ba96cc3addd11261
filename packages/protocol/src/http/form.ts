/** Raised when a form-urlencoded value has a malformed percent-encoding or is not UTF-8. */
export class FormEncodingError extends Error {
  override readonly name = "FormEncodingError";
}

/**
 * One name or value, `application/x-www-form-urlencoded`: percent-encoded UTF-8, with spaces as
 * `+`. The encoding OAuth uses for its form bodies and, part by part, for Basic credentials.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formUrlEncode(value: string): string {
  return encodeURIComponent(value).replaceAll("%20", "+");
}

/**
 * The reverse of {@link formUrlEncode}: `+` is a space, `%XX` a byte of UTF-8. A malformed
 * percent-encoding or invalid UTF-8 is refused with a {@link FormEncodingError}, where
 * `URLSearchParams` would silently let it through.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formUrlDecode(component: string): string {
  try {
    return decodeURIComponent(component.replaceAll("+", " "));
  } catch (error) {
    throw new FormEncodingError("The value is not correctly URL-encoded UTF-8.", { cause: error });
  }
}

/**
 * The `name=value` pairs of a form-urlencoded string (a request body, or a URL's query without its
 * `?`), in order, repeated names included. A name without `=` has an empty value. Throws a
 * {@link FormEncodingError} if any name or value does not decode.
 *
 * The other direction, for a whole form, is the platform's `URLSearchParams`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function decodeForm(raw: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const name = formUrlDecode(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? "" : formUrlDecode(pair.slice(separator + 1));
    pairs.push([name, value]);
  }
  return pairs;
}
