import { BodyEncodingError, BodyTooLargeError, mediaType, readBodyText } from "@seven-steps/protocol";
import { InvalidRequest } from "../errors.ts";
import { maxBodyBytes } from "../parameters.ts";
import type { ClientMetadataRequest } from "./client-metadata.ts";

/**
 * Reads the body of a registration request: a JSON object of client metadata, sent as
 * `application/json` (RFC 7591 §3.1), at most {@link maxBodyBytes}, in UTF-8. A body that cannot
 * be read as such is `invalid_request`: until it is read there is no metadata to call invalid.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 */
export async function readClientMetadata(request: Request): Promise<ClientMetadataRequest> {
  if (mediaType(request.headers) !== "application/json") {
    throw new InvalidRequest("Send the client metadata as an application/json body (RFC 7591 section 3.1).");
  }
  let text: string;
  try {
    text = await readBodyText(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyEncodingError) {
      throw new InvalidRequest(error.message, { cause: error });
    }
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InvalidRequest("The request body is not valid JSON.", { cause: error });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidRequest("The request body must be a JSON object of client metadata.");
  }
  return body as ClientMetadataRequest;
}
