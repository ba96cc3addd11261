import { env } from "@/env";

/**
 * The URL of a request as its clients address it: the API's configured identifier, which may
 * carry a path that a proxy in front strips, then the path this app received. Never built from
 * the Host header, which a proxy or an attacker chooses. The query is left out, as DPoP's `htu`
 * compares without it (RFC 9449 §4.3).
 */
export function publicUrlOf(request: Request, base: string = env.RESOURCE_API_URL): string {
  return `${base}${new URL(request.url).pathname}`;
}
