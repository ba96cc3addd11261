import { z } from "zod";

/** Raised when an app's environment is missing a variable or holds a bad value. */
export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
}

/** The schemas marked by {@link secret}. */
const secretSchemas = new WeakSet<z.ZodType>();

/**
 * Marks a variable as a secret: a bad value is named, never printed. Wrap the whole member, after
 * `.optional()` or `.default()`, for example `secret(z.string().min(32).optional())`.
 */
export function secret<Schema extends z.ZodType>(schema: Schema): Schema {
  secretSchemas.add(schema);
  return schema;
}

/**
 * Names that say a value is a secret. A variable named so is never printed even if its schema
 * forgot {@link secret}: the one mistake this must survive is the next secret's.
 */
const secretName = /SECRET|TOKEN|PASSWORD|PRIVATE|CREDENTIAL|API_KEY/i;

function isSecret(schema: z.ZodType, variable: string): boolean {
  const member = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[variable] : undefined;
  return secretName.test(variable) || (member !== undefined && secretSchemas.has(member));
}

/** A value as an error message may show it: a URL loses the password it carries. */
function printable(value: string): string {
  try {
    const url = new URL(value);
    if (url.password === "") return value;
    url.password = "***";
    return url.toString();
  } catch {
    return value;
  }
}

/**
 * Validates an app's environment against its schema. On failure the error names the app and
 * every bad variable with the reason, for example:
 *
 *     authorization-server cannot start, its configuration is invalid:
 *       ISSUER: must be an http(s) URL without a query or fragment (got "localhost:3001")
 *
 * The value of a secret is never part of the message: it would end up in logs and terminals.
 */
export function loadEnvironment<Schema extends z.ZodType>(
  appName: string,
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const value = variable === undefined ? undefined : source[variable];
    let got = "it is not set";
    if (variable !== undefined && value !== undefined) {
      got = isSecret(schema, variable) ? "the value is not shown: it is a secret" : `got "${printable(value)}"`;
    }
    return `  ${issue.path.join(".") || "(environment)"}: ${issue.message} (${got})`;
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

/**
 * `DATABASE_URL`: a SQLite `file:` URL (the default, one file, no server), or a `postgresql://`
 * URL of a PostgreSQL 15 server, for more than one instance of each app (README "Scaling out").
 */
export const databaseUrl = z
  .string()
  .regex(/^(file:|postgres(ql)?:\/\/)/, "must be a SQLite file: URL or a postgresql:// URL");
