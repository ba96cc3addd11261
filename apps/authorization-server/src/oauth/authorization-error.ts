import type { CheckTrail } from "@seven-steps/protocol";
import { untrustedRedirectPage } from "@/html/untrusted-redirect-page";
import type { RegisteredClient } from "@/storage/clients";
import { trustsRedirectUriForErrors } from "./authorization-request/checks.ts";
import type { OAuthError } from "./errors.ts";
import { redirectErrorToClient } from "./responses.ts";

/**
 * The answer to an authorization request that failed after its client and redirect URI were
 * found good, once the user has signed in: the error sent back to the client (RFC 6749 §4.1.2.1),
 * by itself only when this server trusts the redirect URI; otherwise a page of this server that
 * says so, with a link the user may follow (RFC 9700 §4.11.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.11.2
 */
export function answerAuthorizationError(
  { error, client, redirectUri, state }: { error: OAuthError; client: RegisteredClient; redirectUri: string; state: string | undefined },
  trail: CheckTrail,
): Response {
  const redirect = redirectErrorToClient(redirectUri, error, state);
  if (trustsRedirectUriForErrors(trail, client)) return redirect;
  return untrustedRedirectPage(client.name, error, redirect.headers.get("location")!);
}
