import "server-only";
import {
  checkAccessTokenJwt,
  checkAudience,
  checkIntrospectionAnswer,
  checkRequiredScopes,
  parseBearerChallenge,
  type Check,
  type CheckRun,
} from "@seven-steps/protocol";
import { checkClient, checkPkce, checkRedirectUri, checkResponseType } from "@/oauth/authorization-request/checks";
import { authenticateClient } from "@/oauth/client-authentication";
import {
  checkCodeIssuedToClient,
  checkCodeNotExpired,
  checkCodeVerifier,
  checkRedirectUriMatches,
  codeUsedOnce,
} from "@/oauth/grants/authorization-code";
import { checkClientMayUseGrant, checkGrantTypeSupported } from "@/oauth/grants/issue-tokens";
import { checkRefreshScope, checkRefreshTokenNotExpired, checkRefreshTokenOfClient, refreshTokenUsedOnce } from "@/oauth/grants/refresh-token";
import { checkAllowedScope } from "@/oauth/requested-scope";
import { sameOriginForm } from "@/session/same-origin";
import { csrfTokenOfSession } from "@/session/session";
import { passwordMatches, signInNotPaused } from "@/sign-in/sign-in-with-password";

/**
 * A refused request, as the room dashboard and the exercises page show it: the error code the
 * server answered with (null when it sent none, as at sign-in), its description as sent, and
 * what went wrong in plain words, which is also how the room's mistakes are tallied.
 */
export interface PlainFailure {
  error: string | null;
  description: string | null;
  words: string;
}

/** The parts of a recorded exchange that say how it was answered (packages/inspector's ProtocolExchange). */
export interface RecordedAnswer {
  kind: string;
  status: number;
  /** JSON of the response headers the inspector keeps (Location and WWW-Authenticate among them). */
  responseHeaders: string;
  responseBody: string | null;
  /** JSON of the checks that ran, in order (CheckRun[]), or null. */
  checks: string | null;
}

type Words = string | ((error: string | null) => string);

/**
 * What each check's refusal means, in plain words, for the checks an attendee's own mistakes
 * trip. The checks are the descriptors the servers record (packages/protocol/src/checks/check.ts):
 * a recorded run is recognised by its rule and source file.
 */
const wordsOfChecks: [Check, Words][] = [
  [checkClient.check, "client_id: no client is registered with this client_id"],
  [checkRedirectUri.check, "redirect_uri mismatch: it is not, character for character, a redirect URI registered for the client"],
  [checkResponseType.check, (error) => (error === "unauthorized_client" ? "the client may not use the authorization code grant" : "response_type must be code")],
  [checkPkce.check, "PKCE: the authorization request has no valid code_challenge with code_challenge_method S256"],
  [checkAllowedScope.check, "scope: the client asked for a scope it is not registered for, or for none"],
  [passwordMatches, "sign-in: wrong username or password"],
  [signInNotPaused, "sign-in paused for this account after too many wrong passwords"],
  [sameOriginForm, "sign-in: the form was not posted from this server's own page"],
  [csrfTokenOfSession, "consent: the form did not carry this session's CSRF token (an old or copied form)"],
  [
    authenticateClient.check,
    (error) =>
      error === "invalid_request"
        ? "client authentication: the client_id or secret was sent twice, or in two different ways"
        : "invalid_client: wrong client secret or client_id, or not sent with client_secret_basic (the Authorization: Basic header)",
  ],
  [checkGrantTypeSupported.check, "grant_type: not one this server supports"],
  [checkClientMayUseGrant.check, "grant_type: the client is not registered for this grant type"],
  [checkCodeIssuedToClient.check, "the authorization code is unknown, or was issued to another client"],
  [codeUsedOnce, "the authorization code was already used: a code is good for one token request only"],
  [
    checkRedirectUriMatches.check,
    (error) =>
      error === "invalid_request"
        ? "redirect_uri missing from the token request: it must repeat the one of the authorization request"
        : "redirect_uri mismatch: the token request's redirect_uri differs from the authorization request's",
  ],
  [checkCodeNotExpired.check, "the authorization code expired: codes live 60 seconds"],
  [
    checkCodeVerifier.check,
    (error) =>
      error === "invalid_request"
        ? "PKCE: the code_verifier is missing or malformed (this server requires PKCE)"
        : "PKCE: the code_verifier does not match the code_challenge",
  ],
  [checkRefreshTokenOfClient.check, "the refresh token is unknown, was issued to another client, or its access was revoked"],
  [refreshTokenUsedOnce, "the refresh token was already used: it rotates, and a reuse revokes the whole grant"],
  [checkRefreshTokenNotExpired.check, "the refresh token expired"],
  [checkRefreshScope.check, "scope: a refresh cannot add scopes the user did not grant"],
  [checkAccessTokenJwt.check, "the API refused the access token: expired, forged, or from another issuer"],
  [checkIntrospectionAnswer.check, "the API refused the access token: it is no longer active (revoked or expired)"],
  [checkAudience.check, "the access token is meant for another API (its aud)"],
  [checkRequiredScopes.check, "insufficient_scope: the access token lacks the scope this API call needs"],
];

const checkKey = (check: Pick<Check, "source" | "rule">) => `${check.source}\n${check.rule}`;
const wordsByCheck = new Map(wordsOfChecks.map(([check, words]) => [checkKey(check), words]));

/**
 * The error codes an attendee may meet, in plain words, for a refusal no known check explains.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
const wordsOfErrorCodes: Record<string, string> = {
  invalid_request: "invalid_request: a parameter is missing, repeated or malformed",
  unauthorized_client: "unauthorized_client: the client may not use this grant",
  access_denied: "access_denied: the user clicked Deny on the consent screen",
  unsupported_response_type: "response_type must be code",
  invalid_scope: "invalid_scope: a scope the client may not ask for",
  server_error: "server_error: the server failed (not the attendee's mistake)",
  temporarily_unavailable: "temporarily_unavailable: the server was busy or briefly down (not the attendee's mistake)",
  invalid_client: "invalid_client: wrong client secret or client_id, or the wrong authentication method",
  invalid_grant: "invalid_grant: the code or refresh token is invalid, expired, used, or another client's",
  unsupported_grant_type: "grant_type: not one this server supports",
  invalid_target: "resource: not an API this server issues tokens for",
  invalid_token: "the API refused the access token: expired, revoked, or not a token of this server",
  insufficient_scope: "insufficient_scope: the access token lacks the scope this API call needs",
  invalid_dpop_proof: "DPoP: the proof is invalid",
  use_dpop_nonce: "DPoP: the server asks for its nonce in the proof",
};

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url, "http://relative.invalid");
  } catch {
    return null;
  }
}

function stringMember(value: unknown, name: string): string | null {
  const member = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof member === "string" ? member : null;
}

/**
 * The error code and description of an answer, wherever the protocol puts them: a JSON body
 * (RFC 6749 §5.2), a `WWW-Authenticate` challenge (RFC 6750 §3), or the query of a redirect back
 * to the client (RFC 6749 §4.1.2.1). A redirect within this server (the sign-in form's own
 * `?error=`) carries no protocol error.
 */
function errorOf(answer: RecordedAnswer): { error: string | null; description: string | null } {
  const body = parseJson(answer.responseBody);
  if (stringMember(body, "error") !== null) return { error: stringMember(body, "error"), description: stringMember(body, "error_description") };
  const headers = parseJson(answer.responseHeaders);
  const challenge = parseBearerChallenge(stringMember(headers, "www-authenticate")?.replace(/^dpop\b/i, "Bearer") ?? null);
  if (challenge?.error) return { error: challenge.error, description: challenge.error_description ?? null };
  const location = stringMember(headers, "location");
  const query = location !== null && /^https?:/i.test(location) ? parseUrl(location)?.searchParams : undefined;
  if (query?.has("error")) return { error: query.get("error"), description: query.get("error_description") };
  return { error: null, description: null };
}

/** The check that refused the request: the last refused run of its trail. */
function refusingCheck(answer: RecordedAnswer): CheckRun | undefined {
  const runs = parseJson(answer.checks);
  if (!Array.isArray(runs)) return undefined;
  return (runs as CheckRun[]).findLast((run) => run?.outcome === "refused");
}

/** Whether an exchange was refused: an error status, or a redirect that carries an `error`. */
export function isRefused({ status, responseHeaders }: Pick<RecordedAnswer, "status" | "responseHeaders">): boolean {
  if (status >= 400) return true;
  if (status < 300) return false;
  const location = stringMember(parseJson(responseHeaders), "location");
  return location !== null && (parseUrl(location)?.searchParams.has("error") ?? false);
}

/**
 * A refused exchange in plain words: by the check that refused it when it is one an attendee's
 * mistake trips, else by its error code, else by the rule of the check, else by its status.
 */
export function inPlainWords(answer: RecordedAnswer): PlainFailure {
  const { error, description } = errorOf(answer);
  const check = refusingCheck(answer);
  const words = check ? wordsByCheck.get(checkKey(check)) : undefined;
  if (words !== undefined) return { error, description, words: typeof words === "string" ? words : words(error) };
  if (error !== null && wordsOfErrorCodes[error]) return { error, description, words: wordsOfErrorCodes[error] };
  if (check) return { error, description, words: `refused: ${check.rule}` };
  if (answer.kind === "sign-in") return { error, description, words: "sign-in: the username or password was empty" };
  if (answer.kind === "callback") return { error, description, words: `PrintShop could not finish the sign-in (${error ?? `HTTP ${answer.status}`})` };
  if (error !== null) return { error, description, words: description ? `${error}: ${description}` : error };
  return { error, description, words: `answered HTTP ${answer.status}` };
}
