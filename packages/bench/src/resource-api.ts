// Row 5: the resource API's protected photo list, which validates a JWT access token on every
// request (RFC 9068 §4) and reads the member's photos, against a public route of the same app.
import type autocannon from "autocannon";
import { apps } from "./apps.ts";

export function publicRouteLoad(): autocannon.Options {
  return { url: `${apps.resourceApi.url}/health` };
}

export function photoListLoad(accessToken: string): autocannon.Options {
  return { url: `${apps.resourceApi.url}/photos`, headers: { authorization: `Bearer ${accessToken}` } };
}
