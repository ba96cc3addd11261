import { parseBearerChallenge } from "@seven-steps/protocol";
import { readBody, sendLabRequest, type LabHttpRequest } from "./http-request.ts";

/**
 * Step 6: the access token in the Authorization header, the one place RFC 6750 recommends (a
 * token in a URL ends up in logs and browser history).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function photosRequest(resourceApiUrl: string, accessToken: string): LabHttpRequest {
  return {
    method: "GET",
    url: `${resourceApiUrl}/photos`,
    headers: { accept: "application/json", authorization: `Bearer ${accessToken}` },
  };
}

/** A photo as the PhotoCloud API lists it; the lab reads only these fields. */
export interface LabPhoto {
  id: string;
  title: string;
}

export interface PhotosAnswer {
  status: number;
  body: unknown;
  photos: LabPhoto[];
  /** Why the API refused the token, from its `WWW-Authenticate` header (RFC 6750 §3), if it did. */
  challenge: Record<string, string> | null;
}

/**
 * Step 7: the API's answer. It has checked the token's signature, issuer, audience, lifetime and
 * scope before sending anything.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function sendPhotosRequest(request: LabHttpRequest): Promise<PhotosAnswer> {
  const response = await sendLabRequest(request);
  const body = await readBody(response);
  return {
    status: response.status,
    body,
    photos: response.ok ? photosIn(body) : [],
    challenge: parseBearerChallenge(response.headers.get("www-authenticate")),
  };
}

function photosIn(body: unknown): LabPhoto[] {
  if (typeof body !== "object" || body === null || !("photos" in body) || !Array.isArray(body.photos)) return [];
  return body.photos.filter(
    (photo): photo is LabPhoto => typeof photo === "object" && photo !== null && typeof photo.id === "string" && typeof photo.title === "string",
  );
}

/**
 * A photo's picture, fetched with the same Bearer token. An <img> cannot send an Authorization
 * header, so the lab fetches the picture itself and hands the image an object URL; the caller
 * revokes it when the picture leaves the screen.
 */
export async function fetchPictureObjectUrl(resourceApiUrl: string, photoId: string, accessToken: string): Promise<string> {
  const response = await sendLabRequest({
    method: "GET",
    url: `${resourceApiUrl}/photos/${encodeURIComponent(photoId)}/picture`,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) throw new Error(`The picture of ${photoId} answered ${response.status}.`);
  return URL.createObjectURL(await response.blob());
}
