import { readUnverifiedClaims } from "@seven-steps/protocol";

/** The user part of `Authorization: Basic`, form-decoded as RFC 6749 §2.3.1 asks; undefined for any other header. */
function basicUsername(authorization: string | null): string | undefined {
  const credentials = /^basic\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!credentials) return undefined;
  const decoded = Buffer.from(credentials, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** The `client_id` claim of a Bearer or DPoP access token, read without checking it (RFC 9068 §2.2). */
function tokenClientId(authorization: string | null): string | undefined {
  const token = /^(?:bearer|dpop)\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  const clientId = token ? readUnverifiedClaims(token)?.client_id : undefined;
  return typeof clientId === "string" ? clientId : undefined;
}

/**
 * The `client_id` a recorded request names or carries, for the workshop dashboard to tell whose
 * message it is: the `client_id` parameter (of the query or the form), the user of Basic
 * authentication (RFC 6749 §2.3.1), or the `client_id` claim of the access token it presents.
 * A label, never proof: a refused request is labelled with the client it claimed to be, which
 * is what an attendee who mistyped their secret needs to see. Undefined when there is none.
 */
export function clientIdOf(url: string, headers: Headers, parameters: [string, string][] = []): string | undefined {
  const named =
    parameters.find(([name]) => name === "client_id")?.[1] ??
    new URL(url, "http://recorded.invalid").searchParams.get("client_id") ??
    basicUsername(headers.get("authorization")) ??
    tokenClientId(headers.get("authorization"));
  return named ? named.slice(0, 200) : undefined;
}
