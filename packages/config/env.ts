import { z } from "zod";

/** Raised when an app's environment is missing a variable or holds a bad value. */
export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
}

/**
 * Validates an app's environment against its schema. On failure the error names the app and
 * every bad variable with the reason, for example:
 *
 *     authorization-server cannot start, its configuration is invalid:
 *       ISSUER: must be an http(s) URL without a query or fragment (got "localhost:3001")
 */
export function loadEnvironment<Schema extends z.ZodType>(
  appName: string,
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    const value = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
    const got = value === undefined ? "it is not set" : `got "${value}"`;
    return `  ${variable}: ${issue.message} (${got})`;
  });
  throw new EnvironmentError(`${appName} cannot start, its configuration is invalid:\n${problems.join("\n")}`);
}

/**
 * An http(s) base URL with no query, fragment or trailing slash, such as `http://localhost:3001`:
 * the form of an issuer identifier (RFC 8414 §2) and of each app's address.
 */
export const httpBaseUrl = z
  .string()
  .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*[^/?#\s])?$/, "must be an http(s) URL without a query, fragment or trailing slash");
