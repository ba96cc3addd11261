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
}

/**
 * What the lab asks of alice's app, in the query of the page it opens:
 * - `attack-run`: the run it takes part in;
 * - `scope`: what to ask for;
 * - `redeem`: `tokens` to redeem the code before handing anything over, `code` to hand the code
 *   over unredeemed.
 */
export type AlicesAppRedeem = "code" | "tokens";
