/**
 * The attack lab's "alice's app" (PrintShop's weak demo client, at /attack-lab/victim) and the
 * lab's tab talk with `postMessage`. This is what the app hands the lab: what a leak would give
 * away, never its PKCE verifier.
 */
export interface AlicesAppLeak {
  type: "alices-app";
  runId: string;
  /** The authorization code, as it arrived in the address bar. */
  code?: string;
  /** The tokens the app got for it, when the lab asked the app to redeem the code first. */
  tokens?: { access_token: string; token_type: string; refresh_token?: string; scope?: string };
  /** Why the app got nothing: the error of the authorization response or of the token request. */
  error?: string;
  /**
   * When the app itself refused the authorization response (its `iss` or `state` check, which run
   * in the browser): the error it raised, as packages/protocol's AuthorizationResponseError has it.
   */
  refusal?: { code: string; description: string };
}

/**
 * What the lab asks of alice's app, in the query of the page it opens:
 * - `attack-run`: the run it takes part in;
 * - `scope`: what to ask for;
 * - `redeem`: `tokens` to redeem the code before handing anything over, `code` to hand the code
 *   over unredeemed;
 * - `as`: which of the two authorization servers alice's app knows she picks (see
 *   {@link AlicesAppAuthorizationServer});
 * - `weaken`: `mix-up-iss` to switch the app's `iss` check off for the run, honoured only while
 *   PrintShop runs with ATTACK_LAB_WEAKENING=true.
 */
export type AlicesAppRedeem = "code" | "tokens";

/**
 * The authorization servers alice's app knows, for the mix-up card: PhotoCloud, and "Mallory's
 * Accounts", which Mallory runs in her own app (RFC 9700 §4.4). alice picks one; PhotoCloud unless
 * the lab says otherwise.
 */
export type AlicesAppAuthorizationServer = "photocloud" | "mallory";

/** Mallory's authorization server: its issuer identifier, under her app's address (RFC 8414 §2). */
export function mallorysIssuer(attackerUrl: string): string {
  return `${attackerUrl}/mallory-accounts`;
}
