/**
 * One HTTP request exactly as the lab sends it. The lab shows this object, turns it into a curl
 * command, and passes it to fetch: the three cannot drift apart.
 */
export interface LabHttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Raised when no HTTP answer arrived: the server is down, or the browser's CORS check failed. */
export class NoAnswerError extends Error {
  override readonly name = "NoAnswerError";
}

/** Sends the request from the browser. The browser adds headers of its own, such as Origin. */
export async function sendLabRequest(request: LabHttpRequest): Promise<Response> {
  try {
    return await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const host = new URL(request.url).host;
    throw new NoAnswerError(`${host} did not answer. Is it running, and does it allow this origin (CORS)?`, { cause: error });
  }
}

/** The body of an answer, as JSON when it is JSON, or else as text. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
