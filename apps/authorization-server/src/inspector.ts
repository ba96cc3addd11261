// What the authorization server tells the inspector: each protocol message it receives and its
// answer, linked to its flow by the values the flow carries, and to the user it is about. Each
// function hands the recorder a description to build: whatever building it throws stays in the
// recorder, so recording never changes an answer.
import "server-only";
import { readUnverifiedClaims, referenceOfRequestUri, type CheckTrail } from "@seven-steps/protocol";
import { attackLabPages, browserOf } from "@seven-steps/inspector";
import { createRecorder } from "@seven-steps/inspector/recorder";
import { db } from "@/db";
import { env } from "@/env";
import { queryParameters, type RequestParameters } from "@/oauth/parameters";
import { hashSecret } from "@/secrets/secret-hash";
import { safeReturnTo } from "@/sign-in/return-to";
import { findPushedAuthorizationRequest } from "@/storage/pushed-authorization-requests";

export const recorder = createRecorder({ app: "authorization-server", enabled: env.RECORD_PROTOCOL_MESSAGES, database: db });

/** Where the attack lab's pages are, so that a Referer from anywhere else names no attack run. */
const attackLab = attackLabPages([env.ATTACKER_URL, env.CLIENT_APP_URL]);

/** The query of a redirect back to the client (step 3), or null for a redirect within this server. */
function queryOfRedirectToClient(response: Response): URLSearchParams | null {
  const location = response.headers.get("location");
  if (!location || location.startsWith("/")) return null;
  const url = new URL(location);
  return url.origin === new URL(env.ISSUER).origin ? null : url.searchParams;
}

/**
 * The PKCE challenge of an authorization request: in its parameters, or, for a request sent by
 * reference, in the pushed request its `request_uri` names (RFC 9126 §4), used or not, so that
 * every message of a pushed flow joins the flow its push began.
 */
async function challengeOf(parameters: RequestParameters): Promise<string | undefined> {
  const requestUri = parameters.getIfValid("request_uri");
  return requestUri === undefined ? parameters.getIfValid("code_challenge") : challengeOfPushedRequest(requestUri);
}

async function challengeOfPushedRequest(requestUri: string): Promise<string | undefined> {
  const reference = referenceOfRequestUri(requestUri);
  const pushed = reference === undefined ? null : await findPushedAuthorizationRequest(hashSecret(reference));
  return pushed?.parameters.find(([name]) => name === "code_challenge")?.[1];
}

/** The PKCE challenge of the authorization request carried in a sign-in's return_to. */
async function challengeInReturnTo(form: RequestParameters): Promise<string | undefined> {
  const returnTo = safeReturnTo(form.getIfValid("return_to"));
  if (!returnTo.startsWith("/authorize?")) return undefined;
  return challengeOf(queryParameters(new URL(returnTo, env.ISSUER)));
}

/**
 * Step 1 pushed at POST /par, by the client itself (RFC 9126): it begins the flow, which the
 * authorization request by reference then joins through the same PKCE challenge.
 */
export function recordPushedAuthorizationRequest(
  request: Request,
  form: RequestParameters | null,
  response: Response,
  trail: CheckTrail,
): Promise<void> {
  if (!form) return Promise.resolve();
  return recorder.record(() => ({
    kind: "pushed-authorization-request",
    steps: [1],
    from: attackLab.senderOf(request, "client"),
    to: "authorization-server",
    request,
    parameters: form.entries(),
    response,
    belongsTo: { challenge: form.getIfValid("code_challenge"), attackRun: attackLab.runOf(request) },
    startsFlow: true,
    adoptsDiscoveryOf: browserOf(request),
    checks: trail.runs,
  }));
}

/**
 * Step 1 at GET /authorize, and step 3 too when the answer is a redirect back to the client.
 * `userId` is the signed-in user's, if any; `trail`, the checks that ran on the request.
 */
export function recordAuthorizationRequest(request: Request, response: Response, userId: string | undefined, trail: CheckTrail): Promise<void> {
  return recorder.record(async () => {
    const query = new URL(request.url).searchParams;
    const requestUri = query.get("request_uri");
    const back = queryOfRedirectToClient(response);
    return {
      kind: "authorization-request",
      steps: back ? [1, 3] : [1],
      from: attackLab.senderOf(request, "user"),
      to: "authorization-server",
      request,
      parameters: query,
      response,
      belongsTo: { challenge: requestUri === null ? (query.get("code_challenge") ?? undefined) : await challengeOfPushedRequest(requestUri), attackRun: attackLab.runOf(request) },
      handsOut: { code: back?.get("code") ?? undefined },
      subject: userId,
      startsFlow: true,
      adoptsDiscoveryOf: browserOf(request),
      checks: trail.runs,
    };
  });
}

/**
 * Step 0, as far as this server sees it: a fetch of its metadata (RFC 8414). Kept by browser, for
 * the flow that browser starts next (see packages/inspector/src/discovery.ts).
 */
export function recordServerMetadata(request: Request, response: Response): Promise<void> {
  return recorder.record(() => ({
    kind: "authorization-server-metadata",
    steps: [0],
    from: attackLab.senderOf(request, "client"),
    to: "authorization-server",
    request,
    response,
    belongsTo: { browser: browserOf(request), attackRun: attackLab.runOf(request) },
    startsFlow: true,
  }));
}

/** Step 2, who the user is: the password is masked entirely before it is stored. */
export function recordSignIn(
  request: Request,
  form: RequestParameters,
  response: Response,
  userId: string | undefined,
  trail: CheckTrail,
): Promise<void> {
  return recorder.record(async () => ({
    kind: "sign-in",
    steps: [2],
    from: attackLab.senderOf(request, "user"),
    to: "authorization-server",
    request,
    parameters: form.entries(),
    response,
    belongsTo: { challenge: await challengeInReturnTo(form), attackRun: attackLab.runOf(request) },
    subject: userId,
    checks: trail.runs,
  }));
}

/** Step 2, what the user allows, answered by step 3: a code, or access_denied. */
export function recordConsentDecision(
  request: Request,
  form: RequestParameters,
  response: Response,
  userId: string | undefined,
  trail: CheckTrail,
): Promise<void> {
  return recorder.record(async () => {
    const back = queryOfRedirectToClient(response);
    return {
      kind: "consent",
      steps: back ? [2, 3] : [2],
      from: attackLab.senderOf(request, "user"),
      to: "authorization-server",
      request,
      parameters: form.entries(),
      response,
      belongsTo: { challenge: await challengeOf(form), attackRun: attackLab.runOf(request) },
      handsOut: { code: back?.get("code") ?? undefined },
      subject: userId,
      checks: trail.runs,
    };
  });
}

/**
 * Steps 4 and 5 at POST /token: the code (or refresh token) in, the tokens out. The user is the
 * `sub` of the access token this server has just issued.
 */
export function recordTokenRequest(request: Request, form: RequestParameters | null, response: Response, trail: CheckTrail): Promise<void> {
  const grantType = form?.getIfValid("grant_type");
  if (!form || (grantType !== "authorization_code" && grantType !== "refresh_token")) return Promise.resolve();
  return recorder.record(async () => {
    const issued = response.ok ? ((await response.clone().json()) as { access_token?: string; refresh_token?: string }) : {};
    const claims = issued.access_token ? readUnverifiedClaims(issued.access_token) : null;
    return {
      kind: grantType === "authorization_code" ? "token" : "refresh",
      steps: [4, 5],
      from: attackLab.senderOf(request, "client"),
      to: "authorization-server",
      request,
      parameters: form.entries(),
      response,
      belongsTo: {
        ...(grantType === "authorization_code" ? { code: form.getIfValid("code") } : { refreshToken: form.getIfValid("refresh_token") }),
        attackRun: attackLab.runOf(request),
      },
      handsOut: { jti: claims?.jti, refreshToken: issued.refresh_token },
      subject: claims?.sub,
      checks: trail.runs,
    };
  });
}

/**
 * Step 2's page, the consent screen, recorded in two cases only, each one a check an attack lab
 * card reads: asked for inside another page's frame (clickjacking, RFC 9700 §4.16), and shown for
 * a client that registered itself (a look-alike, RFC 6749 §10.2). Any other view of the page is
 * not recorded: the decision that follows it is.
 */
function recordConsentPage(
  request: { method: string; url: string; headers: Headers },
  response: Response,
  userId: string | undefined,
  trail: CheckTrail,
): Promise<void> {
  return recorder.record(async () => {
    const asRequest = new Request(request.url, { method: request.method, headers: request.headers });
    const query = queryParameters(new URL(request.url));
    return {
      kind: "consent",
      steps: [2],
      from: attackLab.senderOf(asRequest, "user"),
      to: "authorization-server",
      request,
      parameters: query.entries(),
      response,
      belongsTo: { challenge: await challengeOf(query), attackRun: attackLab.runOf(asRequest) },
      subject: userId,
      checks: trail.runs,
    };
  });
}

/** The consent page, asked for inside a frame (src/consent/framing.ts): recorded from src/proxy.ts, with its headers. */
export function recordFramedConsentPage(request: Request, response: Response, trail: CheckTrail): Promise<void> {
  return recordConsentPage(request, response, undefined, trail);
}

/** The consent page of a client that registered itself, as shown to `userId` (app/consent/page.tsx). */
export function recordSelfRegisteredConsentPage(
  request: { url: string; headers: Headers },
  userId: string,
  trail: CheckTrail,
): Promise<void> {
  return recordConsentPage({ method: "GET", ...request }, new Response(null, { status: 200, headers: { "content-type": "text/html" } }), userId, trail);
}
