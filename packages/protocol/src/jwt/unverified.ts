import { decodeJwt, decodeProtectedHeader } from "jose";
import { z } from "zod";

/**
 * Reading a JWT whose signature nobody has checked: a token given back for revocation, a token
 * the inspector shows, a token a recorder links to its flow. Anyone can write such a token, so
 * nothing in it is trusted, and nothing is assumed either: each claim this project reads is
 * checked for the type and size RFC 7519 and RFC 9068 give it before it is used, even only to look
 * a row up. A token whose claims are off is no token this server issued.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 */

/** Longer than any token this project issues by far, and short enough to decode at once. */
const maxTokenLength = 16 * 1024;
/** The longest identifier (`iss`, `sub`, `jti`, ...) accepted: this project's are 36 to 64 characters. */
const maxIdentifierLength = 256;

const identifier = z.string().min(1).max(maxIdentifierLength);
/** A NumericDate: seconds since 1970, a whole number here (RFC 7519 §2). */
const numericDate = z.number().int().nonnegative().max(253_402_300_799);

/** The registered claims this project reads, each optional and, when present, of its own type. */
const claimsSchema = z.object({
  iss: identifier.optional(),
  sub: identifier.optional(),
  aud: z.union([identifier, z.array(identifier).max(16)]).optional(),
  exp: numericDate.optional(),
  nbf: numericDate.optional(),
  iat: numericDate.optional(),
  auth_time: numericDate.optional(),
  jti: identifier.optional(),
  client_id: identifier.optional(),
  scope: z.string().max(1024).optional(),
  /** RFC 9449 §6.1: a SHA-256 JWK thumbprint is 43 base64url characters. */
  cnf: z.object({ jkt: z.string().regex(/^[\w-]{43}$/) }).optional(),
});

/** The claims of {@link claimsSchema}, known to be of the right type and size. */
export type CheckedClaims = z.infer<typeof claimsSchema>;

/** A JWT taken apart without being verified: for showing, never for deciding. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The names of the claims whose type or size is wrong, for example `["jti"]`. */
  wrongClaims: string[];
  /** Whether the token still carries a signature (see {@link withoutSignature}). */
  signed: boolean;
}

/** The claims whose type or size is wrong, by name. */
function wrongClaimsOf(claims: Record<string, unknown>): string[] {
  const result = claimsSchema.safeParse(claims);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "(claims)")))];
}

/**
 * The header and claims of a JWT, and which of its claims are off; null when it is not a JWT at
 * all (not three base64url parts, or not JSON objects).
 */
export function decodeUnverifiedJwt(token: string): DecodedJwt | null {
  if (token.length > maxTokenLength) return null;
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const claims = decodeJwt(token) as Record<string, unknown>;
    return { header, claims, wrongClaims: wrongClaimsOf(claims), signed: token.split(".")[2] !== "" };
  } catch {
    return null;
  }
}

/**
 * The claims of a JWT that has not been verified, once each has been checked for type and size;
 * null when it is not a JWT or any claim is off. Use them to look things up, never to decide.
 */
export function readUnverifiedClaims(token: string): CheckedClaims | null {
  const decoded = decodeUnverifiedJwt(token);
  if (!decoded || decoded.wrongClaims.length > 0) return null;
  return claimsSchema.parse(decoded.claims);
}

/**
 * The claims of a verified JWT, checked for type and size like any others: a valid signature says
 * who wrote them, not that they are what the code expects. Null when any is off.
 */
export function checkClaimTypes(claims: Record<string, unknown>): CheckedClaims | null {
  const result = claimsSchema.safeParse(claims);
  return result.success ? result.data : null;
}

/**
 * A JWT with its signature cut off, so that it can be shown and decoded, and never used: no
 * resource server accepts a JWT without its signature. A string that is not a JWT is returned as
 * it is.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 */
export function withoutSignature(token: string): string {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[\w-]*$/.test(part)) || parts[2] === "") return token;
  return `${parts[0]}.${parts[1]}.`;
}
