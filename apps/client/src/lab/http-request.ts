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

/** The headers of an answer the lab shows: those a learner needs to follow the protocol. */
const shownResponseHeaders = ["content-type", "cache-control", "www-authenticate", "dpop-nonce", "location"];

/** An answer as the lab shows it: its status, the headers worth reading, and its body. */
export interface LabHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Reads an answer for showing. A cross-origin answer shows the browser only the headers its server
 * exposes (CORS), so a header missing here may still have been sent.
 */
export async function readAnswer(response: Response): Promise<LabHttpAnswer> {
  const headers: Record<string, string> = {};
  for (const name of shownResponseHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await readBody(response.clone()) };
}
