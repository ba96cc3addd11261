/**
 * The attack lab's "alice's app" (PrintShop's weak demo client, at /attack-lab/victim) and the
 * lab's tab talk with `postMessage`. This is what the app hands the lab: what a leak would give
 * away, never its PKCE verifier, nor its DPoP private key (which cannot even be exported).
 */
export interface AlicesAppLeak {
  type: "alices-app";
  runId: string;
  /** The authorization code, as it arrived in the address bar (of the last authorization). */
  code?: string;
  /** The Bearer tokens the app got, when the lab asked the app to redeem the code first. */
  tokens?: AlicesAppTokens;
  /** The DPoP-bound tokens the app got, when the lab asked for them (`dpop`). */
  dpopTokens?: AlicesAppTokens;
  /** Why the app got nothing: the error of the authorization response or of the token request. */
  error?: string;
  /**
   * When the app itself refused the authorization response (its `iss` or `state` check, which run
   * in the browser): the error it raised, as packages/protocol's AuthorizationResponseError has it.
   */
  refusal?: { code: string; description: string };
}

export interface AlicesAppTokens {
  access_token: string;
  token_type: string;
  refresh_token?: string;
  scope?: string;
}

/**
 * What the lab asks of alice's app, in the query of the page it opens:
 * - `attack-run`: the run it takes part in;
 * - `scope`: what to ask for;
 * - `resource`: the resource server the tokens are to be for (RFC 8707), if not the default;
 * - `redeem`: `tokens` to redeem the code before handing anything over, `code` to hand the code
 *   over unredeemed;
 * - `dpop` (with `redeem=tokens`): {@link AlicesAppDpop};
 * - `as`: which of the two authorization servers alice's app knows she picks (see
 *   {@link AlicesAppAuthorizationServer});
 * - `weaken`: `mix-up-iss` to switch the app's `iss` check off for the run, honoured only while
 *   PrintShop runs with ATTACK_LAB_WEAKENING=true.
 */
export type AlicesAppRedeem = "code" | "tokens";

/**
 * Whether alice's app binds its tokens to a DPoP key of its own (RFC 9449), a non-extractable
 * WebCrypto key made in the app's tab:
 * - `none`: Bearer tokens only;
 * - `only`: DPoP-bound tokens only;
 * - `also`: Bearer tokens first, then, with a second authorization, DPoP-bound ones (alice has
 *   allowed the app already, so she is not asked again).
 */
export type AlicesAppDpop = "none" | "only" | "also";

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
