/**
 * The attack lab's "alice's app" (PrintShop's weak demo client, at /attack-lab/victim) and the
 * lab's tab talk with `postMessage`. This is what the app hands the lab: what a leak would give
 * away, never its DPoP private key (which cannot even be exported), and its PKCE verifier only
 * when the lab plays a leaked token request.
 */
export interface AlicesAppLeak {
  type: "alices-app";
  runId: string;
  /** The authorization code, as it arrived in the address bar (of the last authorization). */
  code?: string;
  /**
   * The PKCE verifier, only when the lab asked for the app's whole token request to leak (a log
   * that recorded it): attack 5 replays a code its thief can otherwise redeem.
   */
  code_verifier?: string;
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
 * - `leak`: `token-request` to hand over the code_verifier too, as a log of the app's token
 *   request would;
 * - `keep-open`: `true` to keep the tab open after the leak, the app answering
 *   {@link AlicesAppCommand}s with its Bearer refresh token until the lab closes it;
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

/** What the lab asks of the app's tab it kept open: use your refresh token now, as you would. */
export interface AlicesAppCommand {
  type: "alices-app-refresh";
  runId: string;
}

/**
 * How the token endpoint answered the app's refresh. The new tokens stay in the app, which uses
 * its newest refresh token the next time it is asked.
 */
export interface AlicesAppRefreshed {
  type: "alices-app-refreshed";
  runId: string;
  status: number;
  /** The token endpoint's `error` when it refused (RFC 6749 §5.2). */
  error?: string;
  error_description?: string;
}

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
