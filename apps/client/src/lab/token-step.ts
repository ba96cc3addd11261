import { buildTokenRequest, processTokenResponse, TokenEndpointError } from "@seven-steps/protocol";
import type { LabConfiguration } from "./configuration.ts";
import { readBody, sendLabRequest, type LabHttpRequest } from "./http-request.ts";
import type { LabSession } from "./lab-session.ts";
import { maskSecret } from "./mask-secret.ts";

/**
 * Step 4: the code and the PKCE verifier, posted to the token endpoint. A public client has no
 * secret, so it authenticates with nothing (`none`) and names itself with `client_id`; the
 * verifier is what proves the code was asked for by this tab.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export function accessTokenRequest(session: LabSession, code: string, configuration: LabConfiguration): LabHttpRequest {
  const { url, init } = buildTokenRequest(
    session.tokenEndpoint,
    { grant_type: "authorization_code", code, redirect_uri: configuration.redirectUri, code_verifier: session.codeVerifier },
    { method: "none", clientId: configuration.clientId },
  );
  return { method: "POST", url, headers: init.headers, body: init.body };
}

export interface AccessTokenAnswer {
  status: number;
  /** The JSON as it arrived, with the refresh token masked. */
  shownBody: unknown;
  outcome: { ok: true; accessToken: string; scope?: string } | { ok: false; error: TokenEndpointError };
}

/**
 * Step 5: sends the request and reads the answer. The lab has no use for the refresh token, so it
 * keeps no more of it than the masked copy it shows.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5
 */
export async function sendAccessTokenRequest(request: LabHttpRequest): Promise<AccessTokenAnswer> {
  const response = await sendLabRequest(request);
  const shownBody = withMaskedRefreshToken(await readBody(response.clone()));
  try {
    const tokens = await processTokenResponse(response);
    return { status: response.status, shownBody, outcome: { ok: true, accessToken: tokens.access_token, scope: tokens.scope } };
  } catch (error) {
    if (error instanceof TokenEndpointError) return { status: response.status, shownBody, outcome: { ok: false, error } };
    throw error;
  }
}

function withMaskedRefreshToken(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("refresh_token" in body) || typeof body.refresh_token !== "string") return body;
  return { ...body, refresh_token: maskSecret(body.refresh_token) };
}
