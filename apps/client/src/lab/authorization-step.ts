import {
  AuthorizationResponseError,
  buildAuthorizationUrl,
  buildPushedAuthorizationRequest,
  buildPushedAuthorizationUrl,
  computeCodeChallenge,
  discoverAuthorizationServer,
  dpopJktOf,
  generateCodeVerifier,
  processPushedAuthorizationResponse,
  PushedAuthorizationRequestError,
  validateAuthorizationResponse,
  type AuthorizationRequest,
  type AuthorizationServerMetadata,
  type PushedAuthorizationResponse,
} from "@seven-steps/protocol";
import { base64url } from "jose";
import type { LabConfiguration } from "./configuration.ts";
import { readAnswer, sendLabRequest, type LabHttpAnswer, type LabHttpRequest } from "./http-request.ts";
import type { LabSession } from "./lab-session.ts";

/**
 * The lab's authorization request: the usual parameters, `resource` (RFC 8707), and the thumbprint
 * of its DPoP key in `dpop_jkt`, which binds the code to that key: a code stolen on its way back
 * through the browser cannot be redeemed without the key (RFC 9449 §10). Without a key (a page
 * that is no secure context), no `dpop_jkt`: PKCE alone protects the code.
 */
export type LabAuthorizationRequest = AuthorizationRequest & { dpop_jkt?: string };

export interface PreparedAuthorizationRequest {
  request: LabAuthorizationRequest;
  authorizationEndpoint: string;
  /** Where the request may be pushed instead, when the server offers it (RFC 9126 §5). */
  pushedAuthorizationRequestEndpoint?: string;
  /** What the lab must remember until the browser comes back; saved when it leaves. */
  session: LabSession;
}

/** What step 0 found, when the run began with it. */
export interface Discovered {
  metadata: AuthorizationServerMetadata;
  /** The API's identifier, from its own metadata. */
  resource: string;
}

/**
 * Step 1, before anything is sent: where the authorization endpoint is (found in step 0, or read
 * from the configured issuer's metadata, RFC 8414), a new PKCE verifier, a new state, and the URL.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 */
export async function prepareAuthorizationRequest(
  configuration: LabConfiguration,
  dpopKey: CryptoKeyPair | null,
  discovered?: Discovered,
): Promise<PreparedAuthorizationRequest> {
  const metadata = discovered?.metadata ?? (await discoverAuthorizationServer(configuration.issuer));
  const resource = discovered?.resource ?? configuration.resourceApiUrl;
  const codeVerifier = generateCodeVerifier();
  // 256 random bits: an attacker who cannot guess it cannot forge a response (RFC 6749 §10.12).
  const state = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  const dpopJkt = dpopKey ? await dpopJktOf(dpopKey.publicKey) : undefined;
  const request: LabAuthorizationRequest = {
    response_type: "code",
    client_id: configuration.clientId,
    redirect_uri: configuration.redirectUri,
    scope: configuration.scope,
    state,
    code_challenge: await computeCodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    resource,
    dpop_jkt: dpopJkt,
  };
  const authorizationUrl = buildAuthorizationUrl(metadata.authorization_endpoint, request).href;
  return {
    request,
    authorizationEndpoint: metadata.authorization_endpoint,
    pushedAuthorizationRequestEndpoint: metadata.pushed_authorization_request_endpoint,
    session: {
      currentStep: 1,
      issuer: metadata.issuer,
      tokenEndpoint: metadata.token_endpoint,
      authorizationUrl,
      codeVerifier,
      state,
      resource,
      dpopJkt,
    },
  };
}

/**
 * Step 1, pushed: the same parameters, posted by the lab itself to the pushed authorization
 * request endpoint, instead of riding in the browser's address bar. A public client names itself
 * with client_id in the body, as at the token endpoint.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.1
 */
export function pushedAuthorizationRequest(prepared: PreparedAuthorizationRequest, endpoint: string): LabHttpRequest {
  const { url, init } = buildPushedAuthorizationRequest(endpoint, prepared.request, { method: "none", clientId: prepared.request.client_id });
  return { method: "POST", url, headers: init.headers, body: init.body };
}

export interface PushedAnswer {
  answer: LabHttpAnswer;
  outcome: { ok: true; pushed: PushedAuthorizationResponse; authorizationUrl: string } | { ok: false; error: PushedAuthorizationRequestError };
}

/**
 * The server's answer to the push: a `request_uri` standing for the request, for a short time and
 * once. The browser then goes to the authorization endpoint with that and the client_id only.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export async function sendPushedAuthorizationRequest(request: LabHttpRequest, prepared: PreparedAuthorizationRequest): Promise<PushedAnswer> {
  const response = await sendLabRequest(request);
  const answer = await readAnswer(response);
  try {
    const pushed = await processPushedAuthorizationResponse(response);
    const reference = { client_id: prepared.request.client_id, request_uri: pushed.request_uri };
    const authorizationUrl = buildPushedAuthorizationUrl(prepared.authorizationEndpoint, reference).href;
    return { answer, outcome: { ok: true, pushed, authorizationUrl } };
  } catch (error) {
    if (error instanceof PushedAuthorizationRequestError) return { answer, outcome: { ok: false, error } };
    throw error;
  }
}

export interface ReceivedAuthorizationResponse {
  /** The query parameters the browser came back with, in their order. */
  parameters: [name: string, value: string][];
  outcome: { ok: true; code: string } | { ok: false; error: AuthorizationResponseError };
}

/**
 * Step 3: the address the authorization server sent the browser back to, checked against what
 * this tab sent in step 1.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export function receiveAuthorizationResponse(session: LabSession, redirectUrl: string): ReceivedAuthorizationResponse {
  const parameters = [...new URL(redirectUrl).searchParams];
  try {
    const code = validateAuthorizationResponse(redirectUrl, { expectedState: session.state, expectedIssuer: session.issuer });
    return { parameters, outcome: { ok: true, code } };
  } catch (error) {
    if (error instanceof AuthorizationResponseError) return { parameters, outcome: { ok: false, error } };
    throw error;
  }
}
