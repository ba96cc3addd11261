/**
 * The headers of an answer that holds credentials, such as tokens or a client secret: no cache may
 * keep it. `Pragma: no-cache` is for HTTP/1.0 caches, which know no `Cache-Control`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export const noStoreHeaders = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;
