import {
  AuthorizationResponseError,
  buildAuthorizationUrl,
  computeCodeChallenge,
  discoverAuthorizationServer,
  generateCodeVerifier,
  validateAuthorizationResponse,
  type AuthorizationRequest,
} from "@seven-steps/protocol";
import { base64url } from "jose";
import type { LabConfiguration } from "./configuration.ts";
import type { LabSession } from "./lab-session.ts";

export interface PreparedAuthorizationRequest {
  request: AuthorizationRequest;
  /** What the lab must remember until the browser comes back; saved when it leaves. */
  session: LabSession;
}

/**
 * Step 1, before anything is sent: reads where the authorization endpoint is from the server's
 * metadata (RFC 8414), makes a new PKCE verifier and a new state, and builds the URL.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 */
export async function prepareAuthorizationRequest(configuration: LabConfiguration): Promise<PreparedAuthorizationRequest> {
  const metadata = await discoverAuthorizationServer(configuration.issuer);
  const codeVerifier = generateCodeVerifier();
  // 256 random bits: an attacker who cannot guess it cannot forge a response (RFC 6749 §10.12).
  const state = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  const request: AuthorizationRequest = {
    response_type: "code",
    client_id: configuration.clientId,
    redirect_uri: configuration.redirectUri,
    scope: configuration.scope,
    state,
    code_challenge: await computeCodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  };
  const authorizationUrl = buildAuthorizationUrl(metadata.authorization_endpoint, request).href;
  return {
    request,
    session: { currentStep: 1, issuer: metadata.issuer, tokenEndpoint: metadata.token_endpoint, authorizationUrl, codeVerifier, state },
  };
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
