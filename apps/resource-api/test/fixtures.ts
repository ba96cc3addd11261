// What the resource API's tests need: the demo members' subjects, tokens for them, and requests
// to the API's routes.
import { demoPhotos } from "@seven-steps/db/demo-data";
import { db } from "@/db";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";

export const api = "http://localhost:3002";

/** The `sub` of a demo member, as the seed stored it. */
export async function subjectOf(username: "alice" | "bob"): Promise<string> {
  const profile = await db.profile.findFirstOrThrow({ where: { username } });
  return profile.sub;
}

/** The ids of a demo member's seeded photos. */
export function seededPhotoIds(username: "alice" | "bob"): string[] {
  return demoPhotos.filter((photo) => photo.owner === username).map((photo) => photo.id);
}

/** A valid access token for a demo member with the given scopes. */
export async function tokenFor(username: "alice" | "bob", scope = "profile photos:read photos:write"): Promise<string> {
  return fakeAuthorizationServer.issueToken(await subjectOf(username), scope);
}

/** A request to the API, with a Bearer token when one is given. */
export function apiRequest(
  path: string,
  { token, method = "GET", body, headers = {} }: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  return new Request(`${api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The route context Next.js passes to a dynamic route. */
export function routeParams(params: Record<string, string>) {
  return { params: Promise.resolve(params) };
}

/** Every route's context for routes without parameters. */
export const noParams = routeParams({});
