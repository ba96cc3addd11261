import { formUrlDecode, formUrlEncode } from "./form.ts";

/** A client's id and secret, as `client_secret_basic` sends them. */
export interface BasicCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Why an `Authorization` header could not be read as Basic credentials:
 * - `not_basic`: another scheme, or no credentials after the scheme;
 * - `malformed`: not base64, no colon, a part that does not decode, or an empty id or secret.
 */
export type BasicCredentialsErrorCode = "not_basic" | "malformed";

export class BasicCredentialsError extends Error {
  override readonly name = "BasicCredentialsError";

  constructor(
    readonly code: BasicCredentialsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The `Authorization` header of `client_secret_basic`: the client id and secret, each
 * form-urlencoded first, joined by a colon and base64-encoded.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function encodeBasicCredentials(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`)}`;
}

/**
 * The reverse of {@link encodeBasicCredentials}: the client id and secret of an `Authorization`
 * header. The scheme name is case-insensitive (RFC 9110 §11.1). Throws a
 * {@link BasicCredentialsError} when the header holds no usable Basic credentials.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
export function decodeBasicCredentials(header: string): BasicCredentials {
  const [scheme, encoded, ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "basic" || !encoded || rest.length > 0) {
    throw new BasicCredentialsError("not_basic", "The Authorization header does not hold Basic credentials.");
  }
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0)));
    const separator = decoded.indexOf(":");
    if (separator === -1) throw new Error("no colon between client_id and client_secret");
    const clientId = formUrlDecode(decoded.slice(0, separator));
    const clientSecret = formUrlDecode(decoded.slice(separator + 1));
    if (!clientId || !clientSecret) throw new Error("empty client_id or client_secret");
    return { clientId, clientSecret };
  } catch (error) {
    throw new BasicCredentialsError("malformed", "The Basic credentials are not a form-urlencoded client_id:client_secret in base64.", {
      cause: error,
    });
  }
}
