import { parseBearerChallenge } from "@seven-steps/protocol";
import { env } from "@/env";
import { accessTokenFor, renewAccessToken, type AccessTokenResult } from "@/tokens/access-token";
import type { Problem } from "./problem.ts";

export type { Problem } from "./problem.ts";

/** A photo as the PhotoCloud API sends it. */
export interface Photo {
  id: string;
  title: string;
  motif: string;
  palette: string;
  taken_at: string;
}

export type ApiResult<T> = { ok: true; value: T; scopes: string[] } | { ok: false; problem: Problem };

/**
 * Step 6: a call to the PhotoCloud API with the session's access token in the Authorization
 * header (RFC 6750 §2.1), refreshed first if it is about to expire.
 */
export async function callPhotoApi(sid: string, path: string, init: RequestInit = {}): Promise<ApiResult<Response>> {
  const result = await callOnce(await accessTokenFor(sid), path, init);
  // A token refused as invalid may have been revoked or may have just expired: renew it once, and
  // try again. If the grant itself was revoked, the renewal is refused and the user signs in again.
  if (!result.ok && result.problem.kind === "refused" && result.problem.error === "invalid_token") {
    return callOnce(await renewAccessToken(sid), path, init);
  }
  return result;
}

async function callOnce(token: AccessTokenResult, path: string, init: RequestInit): Promise<ApiResult<Response>> {
  if (token.status === "ended") return { ok: false, problem: { kind: "signed-out", reason: token.reason } };
  if (token.status === "unavailable") {
    return { ok: false, problem: { kind: "unreachable", service: "PhotoCloud Accounts", reason: token.reason } };
  }

  let response: Response;
  try {
    response = await fetch(`${env.RESOURCE_API_URL}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token.accessToken}` },
      signal: AbortSignal.timeout(5_000),
      cache: "no-store",
    });
  } catch {
    return { ok: false, problem: { kind: "unreachable", service: "the PhotoCloud API", reason: "It did not answer." } };
  }

  // Step 7, refused: RFC 6750 §3 says why in the WWW-Authenticate challenge.
  if (response.status === 401 || response.status === 403) {
    const challenge = parseBearerChallenge(response.headers.get("www-authenticate")) ?? {};
    return {
      ok: false,
      problem: {
        kind: "refused",
        status: response.status,
        error: challenge.error ?? "unauthorized",
        description: challenge.error_description ?? "The API refused the request.",
        scope: challenge.scope,
      },
    };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error_description?: string };
    return {
      ok: false,
      problem: { kind: "failed", status: response.status, description: body.error_description ?? `HTTP ${response.status}` },
    };
  }
  return { ok: true, value: response, scopes: token.scopes };
}

/** Step 7: the signed-in member's photos. */
export async function listPhotos(sid: string): Promise<ApiResult<Photo[]>> {
  const result = await callPhotoApi(sid, "/photos");
  if (!result.ok) return result;
  const body = (await result.value.json()) as { photos: Photo[] };
  return { ok: true, value: body.photos, scopes: result.scopes };
}

/** Adds a photo to the member's album (needs `photos:write`). */
export async function addPhoto(sid: string, photo: { title: string; motif: string; palette: string }): Promise<ApiResult<Photo>> {
  const result = await callPhotoApi(sid, "/photos", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(photo),
  });
  if (!result.ok) return result;
  return { ok: true, value: (await result.value.json()) as Photo, scopes: result.scopes };
}
