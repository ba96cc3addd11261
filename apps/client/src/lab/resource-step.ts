import { parseAuthenticationChallenges } from "@seven-steps/protocol";
import { strangersKeyPair } from "./dpop-key.ts";
import { latestNonce, sendWithDpop, withDpopProof, type DpopAttempt, type DpopRequestPlan } from "./dpop-request.ts";
import { readAnswer, sendLabRequest, type LabHttpRequest } from "./http-request.ts";

/** The access token of step 5, with the scheme it is sent under: `DPoP` when bound to the lab's key. */
export interface LabAccessToken {
  value: string;
  /** `DPoP` or `Bearer`, as the token endpoint's token_type said (RFC 9449 §5). */
  tokenType: string;
}

/** Whether the token is bound to the lab's key: then every request with it carries a proof. */
export function isDpopBound(token: LabAccessToken): boolean {
  return token.tokenType.toLowerCase() === "dpop";
}

function authorization(token: LabAccessToken): string {
  return `${isDpopBound(token) ? "DPoP" : "Bearer"} ${token.value}`;
}

/**
 * Step 6: the access token in the Authorization header, the one place RFC 6750 recommends (a
 * token in a URL ends up in logs and browser history). A DPoP-bound token goes under the `DPoP`
 * scheme, with a proof that carries its hash (`ath`) and is signed with the lab's key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export function photosRequest(resourceApiUrl: string, token: LabAccessToken): DpopRequestPlan {
  return {
    request: { method: "GET", url: `${resourceApiUrl}/photos`, headers: { accept: "application/json", authorization: authorization(token) } },
    accessToken: token.value,
  };
}

/** A photo as the PhotoCloud API lists it; the lab reads only these fields. */
export interface LabPhoto {
  id: string;
  title: string;
}

export interface PhotosAnswer {
  /** Every request sent, with its proof: two when the API first asked for a nonce. */
  attempts: DpopAttempt[];
  status: number;
  body: unknown;
  photos: LabPhoto[];
  /** Why the API refused the token, from its `WWW-Authenticate` header (RFC 6750 §3), if it did. */
  challenge: Record<string, string> | null;
  /** The API's latest DPoP nonce, for the proofs of the pictures. */
  nonce?: string;
}

/** The parameters of the first challenge of a `WWW-Authenticate` header, whatever its scheme. */
function firstChallenge(header: string | undefined): Record<string, string> | null {
  return parseAuthenticationChallenges(header ?? null)[0]?.parameters ?? null;
}

/**
 * Step 7: the API's answer. It has checked the token's signature, issuer, audience, lifetime and
 * scope, and for a bound token the proof and its key, before sending anything.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function sendPhotosRequest(plan: DpopRequestPlan, token: LabAccessToken, keyPair: CryptoKeyPair | null): Promise<PhotosAnswer> {
  const { attempts, response } = await sendWithDpop(plan, isDpopBound(token) ? keyPair : null);
  const last = attempts.at(-1)!.answer;
  return {
    attempts,
    status: response.status,
    body: last.body,
    photos: response.ok ? photosIn(last.body) : [],
    challenge: response.ok ? null : firstChallenge(last.headers["www-authenticate"]),
    nonce: latestNonce(attempts),
  };
}

function photosIn(body: unknown): LabPhoto[] {
  if (typeof body !== "object" || body === null || !("photos" in body) || !Array.isArray(body.photos)) return [];
  return body.photos.filter(
    (photo): photo is LabPhoto => typeof photo === "object" && photo !== null && typeof photo.id === "string" && typeof photo.title === "string",
  );
}

/**
 * A photo's picture, fetched with the same token and a proof of its own. An <img> cannot send an
 * Authorization header, so the lab fetches the picture itself and hands the image an object URL;
 * the caller revokes it when the picture leaves the screen.
 */
export async function fetchPictureObjectUrl(
  resourceApiUrl: string,
  photoId: string,
  token: LabAccessToken,
  keyPair: CryptoKeyPair | null,
  nonce?: string,
): Promise<string> {
  const plan: DpopRequestPlan = {
    request: { method: "GET", url: `${resourceApiUrl}/photos/${encodeURIComponent(photoId)}/picture`, headers: { authorization: authorization(token) } },
    accessToken: token.value,
  };
  const { response } = await sendWithDpop(plan, isDpopBound(token) ? keyPair : null, nonce);
  if (!response.ok) throw new Error(`The picture of ${photoId} answered ${response.status}.`);
  return URL.createObjectURL(await response.blob());
}

/**
 * What a thief who copied the access token, but not the private key, can do with it: nothing.
 * The lab sends the token twice more: as a plain Bearer token, without a proof; then under DPoP
 * with a proof signed by a key of the thief's own, made for the occasion (with the API's current
 * nonce, so that the only thing wrong is the key). The API refuses both (RFC 9449 §7.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.2
 */
export async function replayWithoutKey(resourceApiUrl: string, token: LabAccessToken, nonce?: string): Promise<DpopAttempt[]> {
  const url = `${resourceApiUrl}/photos`;
  const asBearer: LabHttpRequest = { method: "GET", url, headers: { accept: "application/json", authorization: `Bearer ${token.value}` } };
  const withAnotherKey = await withDpopProof(
    { request: { method: "GET", url, headers: { accept: "application/json", authorization: `DPoP ${token.value}` } }, accessToken: token.value },
    await strangersKeyPair(),
    nonce,
  );
  const attempts: DpopAttempt[] = [];
  for (const request of [asBearer, withAnotherKey]) attempts.push({ request, answer: await readAnswer(await sendLabRequest(request)) });
  return attempts;
}
