import { dpopNonceAskedFor } from "../dpop/challenge.ts";
import { createDpopProof, dpopHeaderName, type DpopKeyPair } from "../dpop/proof.ts";

export interface DpopRequestOptions {
  /** The access token the request carries, whose hash the proof names in `ath` (RFC 9449 §4.2). */
  accessToken?: string;
  /** The last nonce this server handed out, if any. */
  nonce?: string;
  /** Sends the request: the platform's `fetch` by default. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * Sends a request with a DPoP proof signed by `keyPair`, made just before it goes (a proof is
 * accepted once, and briefly), and sends it once more with a new proof when the server asks for a
 * nonce of its own. Answers the last response.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-9
 */
export async function fetchWithDpopProof(
  url: string,
  init: RequestInit & { method: string },
  keyPair: DpopKeyPair,
  { accessToken, nonce, fetch: send = fetch }: DpopRequestOptions = {},
): Promise<Response> {
  const sendWith = async (withNonce: string | undefined) => {
    const proof = await createDpopProof(keyPair, { htm: init.method, htu: url, accessToken, nonce: withNonce });
    const headers = new Headers(init.headers);
    headers.set(dpopHeaderName, proof);
    return send(url, { ...init, headers });
  };
  const first = await sendWith(nonce);
  const body: unknown = await first
    .clone()
    .json()
    .catch(() => null);
  const asked = dpopNonceAskedFor({ status: first.status, header: (name) => first.headers.get(name), body });
  return asked === null ? first : sendWith(asked);
}
