import { BodyEncodingError, BodyTooLargeError, mediaType, readBodyText } from "@seven-steps/protocol";
import { ApiError, badRequest } from "./api-error.ts";

/** The largest JSON body the API reads. */
export const maxJsonBodyBytes = 8 * 1024;

/**
 * Reads a JSON request body: `application/json` only (415 otherwise), at most
 * {@link maxJsonBodyBytes} (413), valid UTF-8 and valid JSON (400).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (mediaType(request.headers) !== "application/json") {
    throw new ApiError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  let text: string;
  try {
    text = await readBodyText(request, maxJsonBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiError(413, "payload_too_large", error.message);
    if (error instanceof BodyEncodingError) throw badRequest(error.message);
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
}
