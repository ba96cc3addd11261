import { buildTokenRequest, processTokenResponse, TokenEndpointError } from "@seven-steps/protocol";
import type { LabConfiguration } from "./configuration.ts";
import { sendWithDpop, type DpopAttempt, type DpopRequestPlan } from "./dpop-request.ts";
import type { LabSession } from "./lab-session.ts";
import { maskSecret } from "./mask-secret.ts";

/**
 * Step 4: the code and the PKCE verifier, posted to the token endpoint. A public client has no
 * secret, so it authenticates with nothing (`none`) and names itself with `client_id`; the
 * verifier is what proves the code was asked for by this tab. `resource` names the API again
 * (RFC 8707 §2.2), and the DPoP proof added when it is sent proves the tab holds the key the code
 * is bound to: the token will be bound to it too (RFC 9449 §5).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export function accessTokenRequest(session: LabSession, code: string, configuration: LabConfiguration): DpopRequestPlan {
  const { url, init } = buildTokenRequest(
    session.tokenEndpoint,
    {
      grant_type: "authorization_code",
      code,
      redirect_uri: configuration.redirectUri,
      code_verifier: session.codeVerifier,
      resource: session.resource,
    },
    { method: "none", clientId: configuration.clientId },
  );
  return { request: { method: "POST", url, headers: init.headers, body: init.body } };
}

export interface AccessTokenAnswer {
  /** The requests as sent, with their proofs, and their answers: two when the server asked for a nonce. */
  attempts: DpopAttempt[];
  status: number;
  /** The JSON as it arrived, with the refresh token masked. */
  shownBody: unknown;
  outcome: { ok: true; accessToken: string; tokenType: string; scope?: string } | { ok: false; error: TokenEndpointError };
}

/**
 * Step 5: sends the request, with its proof (none without a key: the token comes back Bearer), and
 * reads the answer. The lab has no use for the
 * refresh token, so it keeps no more of it than the masked copy it shows.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5
 */
export async function sendAccessTokenRequest(plan: DpopRequestPlan, keyPair: CryptoKeyPair | null): Promise<AccessTokenAnswer> {
  const { attempts, response } = await sendWithDpop(plan, keyPair);
  const masked = attempts.map((attempt) => ({ ...attempt, answer: { ...attempt.answer, body: withMaskedRefreshToken(attempt.answer.body) } }));
  const shownBody = masked.at(-1)?.answer.body;
  try {
    const tokens = await processTokenResponse(response);
    return {
      attempts: masked,
      status: response.status,
      shownBody,
      outcome: { ok: true, accessToken: tokens.access_token, tokenType: tokens.token_type, scope: tokens.scope },
    };
  } catch (error) {
    if (error instanceof TokenEndpointError) return { attempts: masked, status: response.status, shownBody, outcome: { ok: false, error } };
    throw error;
  }
}

function withMaskedRefreshToken(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("refresh_token" in body) || typeof body.refresh_token !== "string") return body;
  return { ...body, refresh_token: maskSecret(body.refresh_token) };
}
