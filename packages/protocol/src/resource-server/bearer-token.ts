import { BodyEncodingError, BodyTooLargeError, readBodyText } from "../http/body.ts";
import { mediaType } from "../http/media-type.ts";
import { InvalidBearerRequest } from "./errors.ts";

/** How much of a form body is read to look for a token in it. */
const maxFormBytes = 16 * 1024;

/**
 * `credentials = "Bearer" 1*SP b64token`, with
 * `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
 * The scheme name is case-insensitive (RFC 9110 §11.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
const bearerCredentials = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The access token of a request, from its `Authorization: Bearer` header: the only place this
 * resource server accepts one. Returns null when the request has no Bearer credentials at all
 * (no header, or another scheme such as Basic), so that the answer carries no error code
 * (RFC 6750 §3.1). A malformed Bearer header, or a token in the URL or a form body
 * (RFC 6750 §2.2, §2.3, which leak into logs and histories), is an `invalid_request`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2
 */
export async function readBearerToken(request: Request): Promise<string | null> {
  if (new URL(request.url).searchParams.has("access_token")) {
    throw new InvalidBearerRequest("Send the access token in the Authorization header; tokens in URLs are refused.");
  }
  if (mediaType(request.headers) === "application/x-www-form-urlencoded") {
    // A body too large to read here is refused later for its size; it is not read whole.
    const text = await readBodyText(request.clone(), maxFormBytes).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError || error instanceof BodyEncodingError) return "";
      throw error;
    });
    if (new URLSearchParams(text).has("access_token")) {
      throw new InvalidBearerRequest("Send the access token in the Authorization header; tokens in a form body are refused.");
    }
  }

  const header = request.headers.get("authorization");
  if (header === null) return null;
  const scheme = header.trim().split(/\s+/)[0]?.toLowerCase();
  if (scheme !== "bearer") return null;
  const match = bearerCredentials.exec(header.trim());
  if (!match?.[1]) {
    throw new InvalidBearerRequest("The Authorization header must be 'Bearer', a space, and the token.");
  }
  return match[1];
}

/**
 * The `WWW-Authenticate` challenge of a refusal: the realm alone when the request had no
 * credentials, plus `error`, `error_description` and, for `insufficient_scope`, the `scope` needed.
 * With `resourceMetadata`, every challenge also says where the resource's metadata is, so a client
 * that has no token yet can find the authorization server (RFC 9728 §5.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
export function bearerChallenge(
  realm: string,
  error?: { code: string; description: string; scope?: readonly string[] },
  options: { resourceMetadata?: string } = {},
): string {
  const quote = (value: string) => `"${value.replace(/[\\"]/g, "")}"`;
  const parameters = [`realm=${quote(realm)}`];
  if (error) {
    parameters.push(`error=${quote(error.code)}`, `error_description=${quote(error.description)}`);
    if (error.scope && error.scope.length > 0) parameters.push(`scope=${quote(error.scope.join(" "))}`);
  }
  if (options.resourceMetadata) parameters.push(`resource_metadata=${quote(options.resourceMetadata)}`);
  return `Bearer ${parameters.join(", ")}`;
}
