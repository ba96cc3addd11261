import { BodyEncodingError, BodyTooLargeError, decodeForm, FormEncodingError, mediaType, readBodyText } from "@seven-steps/protocol";
import { InvalidRequest } from "./errors.ts";

/** The longest value any single parameter may have. Longer values are refused, not truncated. */
export const maxParameterLength = 2048;
/** The largest form body the token endpoint and the forms read. */
export const maxBodyBytes = 16 * 1024;

/**
 * The parameters of a request, from a query string or an `application/x-www-form-urlencoded` body,
 * read the way RFC 6749 §3.1 asks:
 *
 * - a parameter sent without a value is treated as if it were omitted;
 * - a parameter must not be sent more than once;
 * - unknown parameters are ignored (they are simply never asked for).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export class RequestParameters {
  private constructor(private readonly values: Map<string, string[]>) {}

  /**
   * Decodes `name=value&...`. A malformed percent-encoding or invalid UTF-8 makes the whole
   * request malformed: nothing in it can be trusted.
   */
  static parse(raw: string): RequestParameters {
    let pairs: [string, string][];
    try {
      pairs = decodeForm(raw);
    } catch (error) {
      if (!(error instanceof FormEncodingError)) throw error;
      throw new InvalidRequest("The request is not correctly URL-encoded UTF-8.", { cause: error });
    }
    const values = new Map<string, string[]>();
    for (const [name, value] of pairs) values.set(name, [...(values.get(name) ?? []), value]);
    return new RequestParameters(values);
  }

  /** The value of `name`, or undefined when it is absent or empty. */
  get(name: string): string | undefined {
    const given = (this.values.get(name) ?? []).filter((value) => value !== "");
    if (given.length > 1) {
      throw new InvalidRequest(`The ${name} parameter is repeated; send it only once (RFC 6749 section 3.1).`);
    }
    const [value] = given;
    if (value !== undefined && value.length > maxParameterLength) {
      throw new InvalidRequest(`The ${name} parameter is longer than ${maxParameterLength} characters.`);
    }
    return value;
  }

  /**
   * Like {@link get}, for the fields of this server's own forms, where a repeated or oversized
   * value is treated as missing rather than as a protocol error.
   */
  getIfValid(name: string): string | undefined {
    try {
      return this.get(name);
    } catch {
      return undefined;
    }
  }

  /** The value of `name`; a missing one is an `invalid_request` naming the parameter. */
  require(name: string, why = ""): string {
    const value = this.get(name);
    if (value === undefined) throw new InvalidRequest(`The ${name} parameter is required${why}.`);
    return value;
  }

  /**
   * Every non-empty value of `name`, for the few parameters that may be repeated, such as
   * `resource` (RFC 8707 §2). Each is held to the same length limit as {@link get}.
   */
  getAll(name: string): string[] {
    const given = (this.values.get(name) ?? []).filter((value) => value !== "");
    if (given.some((value) => value.length > maxParameterLength)) {
      throw new InvalidRequest(`The ${name} parameter is longer than ${maxParameterLength} characters.`);
    }
    return given;
  }

  /** Every name and value, as sent, repeated ones included. */
  entries(): [string, string][] {
    return [...this.values].flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body, as the token endpoint requires
 * (RFC 6749 §4.1.3), refusing other media types, bodies over {@link maxBodyBytes} and bytes that
 * are not UTF-8.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function readFormParameters(request: Request): Promise<RequestParameters> {
  if (mediaType(request.headers) !== "application/x-www-form-urlencoded") {
    throw new InvalidRequest("Send the parameters as an application/x-www-form-urlencoded body.");
  }
  try {
    return RequestParameters.parse(await readBodyText(request, maxBodyBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyEncodingError) {
      throw new InvalidRequest(error.message, { cause: error });
    }
    throw error;
  }
}

/** The parameters of a URL's query string. */
export function queryParameters(url: string | URL): RequestParameters {
  return RequestParameters.parse(new URL(url).search.slice(1));
}

/**
 * A value the client sent, quoted for an error description: in single quotes (RFC 6749 §5.2 does
 * not allow double quotes there) and cut to 40 characters.
 */
export function quoted(value: string): string {
  return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
}
