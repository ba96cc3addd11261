/**
 * The media type of a message's `Content-Type`, without its parameters (such as `charset`) and in
 * lower case, since type and subtype are case-insensitive; undefined when there is no such header.
 * `application/JSON; charset=utf-8` is `application/json`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
 */
export function mediaType(headers: Headers): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}
