/** Raised when a request body is larger than the reader allows. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** Raised when a request body is not valid UTF-8. */
export class BodyEncodingError extends Error {
  override readonly name = "BodyEncodingError";
}

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `maxBytes`, so that an
 * oversized body is refused without being held in memory. Bytes that are not UTF-8 are refused
 * rather than silently replaced.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    throw new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes.`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new BodyEncodingError("The request body is not valid UTF-8.", { cause: error });
  }
}
