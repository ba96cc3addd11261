import { parseAuthenticationChallenges } from "../dpop/challenge.ts";

/**
 * Step 0, read by the client: where the resource's metadata is, from the `resource_metadata`
 * parameter of the 401's `WWW-Authenticate` header. Any challenge may carry it (Bearer, DPoP, or
 * both offered side by side); null when none does. The server writes it with `bearerChallenge` and
 * `dpopChallenge`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
export function resourceMetadataLocation(wwwAuthenticate: string | null): string | null {
  for (const challenge of parseAuthenticationChallenges(wwwAuthenticate)) {
    const location = challenge.parameters.resource_metadata;
    if (location) return location;
  }
  return null;
}
