import type { DpopSchemeErrorCode } from "../error-codes.ts";

/**
 * The `WWW-Authenticate: DPoP` challenge of a resource server, in both directions: the server
 * writes it with {@link dpopChallenge}, a client reads it with {@link parseDpopChallenge}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */

export interface DpopChallengeParameters {
  /** The proof algorithms the resource server accepts, sent as `algs`. */
  algs: readonly string[];
  realm?: string;
  /** Why the request was refused; absent when it carried no credentials (RFC 6750 §3.1). */
  error?: { code: DpopSchemeErrorCode; description: string; scope?: readonly string[] };
  /** Where the resource's metadata is (RFC 9728 §5.1). */
  resourceMetadata?: string;
}

/** A quoted-string without the characters that would end or escape it. */
const quote = (value: string) => `"${value.replace(/[\\"]/g, "")}"`;

/**
 * The `DPoP` challenge: `realm`, `error`, `error_description` and `scope` as RFC 6750 §3 has them
 * for Bearer, plus `algs`, the space-separated proof algorithms, and `resource_metadata`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
export function dpopChallenge(parameters: DpopChallengeParameters): string {
  const members: string[] = [];
  if (parameters.realm !== undefined) members.push(`realm=${quote(parameters.realm)}`);
  if (parameters.error) {
    members.push(`error=${quote(parameters.error.code)}`, `error_description=${quote(parameters.error.description)}`);
    if (parameters.error.scope && parameters.error.scope.length > 0) members.push(`scope=${quote(parameters.error.scope.join(" "))}`);
  }
  members.push(`algs=${quote(parameters.algs.join(" "))}`);
  if (parameters.resourceMetadata !== undefined) members.push(`resource_metadata=${quote(parameters.resourceMetadata)}`);
  return `DPoP ${members.join(", ")}`;
}

/** One challenge of a `WWW-Authenticate` header: its scheme, lower-cased, and its parameters. */
export interface AuthenticationChallenge {
  scheme: string;
  parameters: Record<string, string>;
}

/** `token` of RFC 9110 §5.6.2, then optionally `=` and a token or a quoted-string. */
const challengeItem = /([!#$%&'*+\-.^_`|~\w]+)(?:[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^\s,"]*))?/g;

/**
 * Every challenge of a `WWW-Authenticate` header, in order. A header may hold several, one per
 * scheme the server offers: `Bearer realm="api", DPoP algs="ES256"`. Token68 credentials (as in
 * Basic) are not read.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1
 */
export function parseAuthenticationChallenges(header: string | null): AuthenticationChallenge[] {
  const challenges: AuthenticationChallenge[] = [];
  if (!header) return challenges;
  for (const [, name = "", value] of header.matchAll(challengeItem)) {
    if (value === undefined) {
      challenges.push({ scheme: name.toLowerCase(), parameters: {} });
      continue;
    }
    const current = challenges.at(-1);
    if (!current) continue;
    current.parameters[name.toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
  }
  return challenges;
}

/**
 * The parameters of the `DPoP` challenge of a `WWW-Authenticate` header, or null when it offers
 * none.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export function parseDpopChallenge(header: string | null): Record<string, string> | null {
  return parseAuthenticationChallenges(header).find((challenge) => challenge.scheme === "dpop")?.parameters ?? null;
}

/** A server's answer, as much of it as {@link dpopNonceAskedFor} reads. */
export interface DpopNonceAnswer {
  status: number;
  /** A response header by name (case-insensitive), or null/undefined when absent. */
  header(name: string): string | null | undefined;
  /** The parsed JSON body, or anything else. */
  body: unknown;
}

/**
 * The nonce a server asks a client to put in its next proof, or null when it did not ask:
 * `use_dpop_nonce` as the JSON error of an authorization server (400, RFC 9449 §8) or in the
 * `DPoP` challenge of a resource server (401, §9), with the nonce in `DPoP-Nonce`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-9
 */
export function dpopNonceAskedFor(answer: DpopNonceAnswer): string | null {
  const nonce = answer.header("DPoP-Nonce");
  if (!nonce) return null;
  const body = answer.body as { error?: unknown } | null;
  const inBody = answer.status === 400 && typeof body === "object" && body !== null && body.error === "use_dpop_nonce";
  const inChallenge = answer.status === 401 && parseDpopChallenge(answer.header("WWW-Authenticate") ?? null)?.error === "use_dpop_nonce";
  return inBody || inChallenge ? nonce : null;
}
