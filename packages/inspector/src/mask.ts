import { withoutSignature } from "@seven-steps/protocol";

/**
 * What the inspector must never store in clear: passwords, client secrets, authorization codes,
 * PKCE verifiers, refresh tokens and CSRF tokens. Each is masked before it is written, keeping its
 * first characters so a learner can recognise it from one screen to the next. Passwords keep
 * nothing. Access tokens lose their signature: the page still decodes their header and claims, and
 * nobody who sees a record, a page or a handout can use one. A DPoP proof is kept whole: it is no
 * secret, for it is good for one request only, already made, and its jti is remembered by the
 * server that took it (RFC 9449 §11.1); the page decodes it.
 */
const hiddenEntirely = new Set(["password"]);
const maskedParameters = new Set(["client_secret", "code", "code_verifier", "refresh_token", "csrf_token"]);

/** The headers worth showing; cookies never are, for they hold sessions. */
const shownRequestHeaders = ["content-type", "authorization", "dpop", "origin", "sec-fetch-dest"];
const shownResponseHeaders = [
  "content-type",
  "location",
  "cache-control",
  "www-authenticate",
  "dpop-nonce",
  "retry-after",
  // Whether the page may be shown in a frame (the attack lab's clickjacking card).
  "content-security-policy",
  "x-frame-options",
];

/** `abcd…`: the first four characters, so the same secret is recognisable, and no more. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? "••••" : `${value.slice(0, 4)}…`;
}

export function maskParameter(name: string, value: string): string {
  if (hiddenEntirely.has(name)) return "••••••••";
  if (name === "access_token") return withoutSignature(value);
  return maskedParameters.has(name) ? maskSecret(value) : value;
}

/** A parameter list (query or form) with its secrets masked. */
export function maskParameters(parameters: Iterable<[string, string]>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of parameters) masked[name] = maskParameter(name, value);
  return masked;
}

/** A URL with the secrets in its query masked, such as the code in a redirect. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://relative.invalid");
  } catch {
    return url;
  }
  for (const [name, value] of [...parsed.searchParams]) parsed.searchParams.set(name, maskParameter(name, value));
  return url.startsWith("/") ? parsed.pathname + parsed.search : parsed.toString();
}

/**
 * An Authorization header: a Bearer or DPoP access token is kept without its signature; Basic
 * credentials (which hold the client secret) are masked.
 */
export function maskAuthorization(value: string): string {
  const [scheme = "", credentials = ""] = value.split(/\s+/, 2);
  const isAccessToken = ["bearer", "dpop"].includes(scheme.toLowerCase());
  return isAccessToken ? `${scheme} ${withoutSignature(credentials)}` : `${scheme} ${maskSecret(credentials)}`;
}

function pickHeaders(headers: Headers, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value === null) continue;
    if (name === "authorization") picked[name] = maskAuthorization(value);
    else if (name === "location") picked[name] = maskUrl(value);
    else picked[name] = value;
  }
  return picked;
}

export const maskRequestHeaders = (headers: Headers) => pickHeaders(headers, shownRequestHeaders);
export const maskResponseHeaders = (headers: Headers) => pickHeaders(headers, shownResponseHeaders);

/** A JSON body with its secret members masked, at any depth. */
export function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [name, typeof member === "string" ? maskParameter(name, member) : maskJson(member)]),
  );
}
