import { DefenceSwitchedOff, defineCheck, isS256CodeChallenge, rfcSection, type Check, type CheckTrail } from "@seven-steps/protocol";
import { findClient, type RegisteredClient } from "@/storage/clients";
import { isWeakened } from "../weakened-defences.ts";
import { InvalidRequest, UnauthorizedClient, UnsupportedResponseType } from "../errors.ts";
import { quoted, type RequestParameters } from "../parameters.ts";

/**
 * The checks of an authorization request (step 1), each one rule of RFC 6749 §4.1.1, RFC 7636 or
 * RFC 9700, described for the inspector next to its code. ./validate.ts applies them in order,
 * with the scope check of ../requested-scope.ts, which the client credentials grant shares.
 */

const source = "apps/authorization-server/src/oauth/authorization-request/checks.ts";

/**
 * `client_id` is required and must be registered.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export const checkClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "client_id names a registered client",
    why: "Only known clients may ask; an unknown one gets an error page, never a redirect.",
    see: rfcSection(6749, "4.1.2.1"),
    source,
  },
  async (parameters: RequestParameters): Promise<RegisteredClient> => {
    const clientId = parameters.require("client_id");
    const client = await findClient(clientId);
    if (!client) throw new InvalidRequest(`No client is registered with the client_id ${quoted(clientId)}.`);
    return client;
  },
);

/**
 * `redirect_uri` must equal one of the client's registered URIs, compared as exact strings, and
 * is required when the client registered more than one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.3
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1
 */
export const checkRedirectUri = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "redirect_uri equals a registered URI, character for character",
    why: "Otherwise an attacker could have the code sent to an address of their own.",
    see: rfcSection(9700, "2.1"),
    source,
  },
  (parameters: RequestParameters, client: RegisteredClient): { redirectUri: string; redirectUriInRequest: boolean } => {
    const requested = parameters.get("redirect_uri");
    if (requested === undefined) {
      const [only, ...others] = client.redirectUris;
      if (only === undefined || others.length > 0) {
        throw new InvalidRequest("The redirect_uri parameter is required: this client registered several redirect URIs.");
      }
      return { redirectUri: only, redirectUriInRequest: false };
    }
    if (!client.redirectUris.includes(requested)) {
      // The attack lab (attack 3) switches exact matching off for its weak demo client: the host
      // alone is compared, the pattern RFC 9700 §4.1.1 warns about, and a page on another port or
      // path of that host gets the code.
      if (isWeakened("redirect-uri-exact-match", client) && client.redirectUris.some((registered) => sameHost(registered, requested))) {
        throw new DefenceSwitchedOff(
          `${requested} matches no registered redirect URI, and the attack lab's redirect-uri-exact-match switch let it through for its host.`,
          { redirectUri: requested, redirectUriInRequest: true },
        );
      }
      throw new InvalidRequest("The redirect_uri does not exactly match any redirect URI registered for this client.");
    }
    return { redirectUri: requested, redirectUriInRequest: true };
  },
);

/** Whether two URIs name the same host, whatever their scheme, port and path: the attack lab's weak comparison. */
function sameHost(registered: string, requested: string): boolean {
  return URL.canParse(requested) && new URL(requested).hostname === new URL(registered).hostname;
}

/**
 * A client registered with `require_pushed_authorization_requests` sends its authorization
 * requests only by reference, after pushing them, and any other is refused with
 * `invalid_request` (RFC 9126 §4, §6): a request in the query could have been forged or altered
 * in the browser, which is what such a client wants ruled out. Run only for such a client.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-6
 */
export const checkPushedAsRequired = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the client requires pushed authorization requests, and this one came by request_uri",
    why: "Such a client never puts its request in the browser, where it could be read, forged or changed on the way.",
    see: rfcSection(9126, "4"),
    source,
  },
  (pushed: boolean): void => {
    if (!pushed) {
      throw new InvalidRequest(
        "This client must push its authorization requests to the pushed_authorization_request_endpoint, then send only client_id and request_uri (RFC 9126).",
      );
    }
  },
);

/**
 * `response_type` must be `code`, and the client must be allowed the authorization code grant.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 */
export const checkResponseType = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "response_type is code, and the client may use the authorization code grant",
    why: "The implicit flow, which put tokens in the address bar, is not offered; each client uses only the grants it registered.",
    see: rfcSection(6749, "4.1.1"),
    source,
  },
  (parameters: RequestParameters, client: RegisteredClient): void => {
    const responseType = parameters.require("response_type");
    if (responseType !== "code") {
      throw new UnsupportedResponseType(`The response_type ${quoted(responseType)} is not supported; use code.`);
    }
    if (!client.allowedGrantTypes.includes("authorization_code")) {
      throw new UnauthorizedClient("This client is not allowed to use the authorization code grant.");
    }
  },
);

/**
 * PKCE is required for every client, with S256. A missing method would mean `plain`
 * (RFC 7636 §4.3), which is refused: it does not protect a code whose request leaked.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1
 */
export const checkPkce = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a PKCE code_challenge with the S256 method",
    why: "It binds the code to the client that asked: a stolen code is useless without the verifier.",
    see: rfcSection(7636, "4.4.1"),
    source,
  },
  (parameters: RequestParameters): { codeChallenge: string; codeChallengeMethod: "S256" } => {
    const codeChallenge = parameters.require("code_challenge", ": this server requires PKCE (RFC 7636) from every client");
    const method = parameters.get("code_challenge_method");
    if (method !== "S256") {
      throw new InvalidRequest(
        method === undefined
          ? "The code_challenge_method parameter is required and must be S256; plain is not supported."
          : `Transform algorithm not supported: code_challenge_method ${quoted(method)}. Use S256.`,
      );
    }
    if (!isS256CodeChallenge(codeChallenge)) {
      throw new InvalidRequest("The code_challenge must be the base64url SHA-256 of the code_verifier: 43 characters.");
    }
    return { codeChallenge, codeChallengeMethod: method };
  },
);

/**
 * `dpop_jkt`, when sent, names the DPoP key the code is bound to: a JWK SHA-256 thumbprint
 * (RFC 7638), which the token request must then prove (../grants/authorization-code.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-10
 */
export const checkDpopJkt = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "dpop_jkt, when sent, is a JWK SHA-256 thumbprint: the DPoP key the code will be bound to",
    why: "A code bound to the client's key is useless to whoever steals it on its way back, even with the PKCE verifier.",
    see: rfcSection(9449, "10"),
    source,
  },
  (parameters: RequestParameters): string | undefined => {
    const dpopJkt = parameters.get("dpop_jkt");
    if (dpopJkt !== undefined && !/^[\w-]{43}$/.test(dpopJkt)) {
      throw new InvalidRequest("The dpop_jkt parameter must be the base64url SHA-256 thumbprint of a JWK (43 characters).");
    }
    return dpopJkt;
  },
);

/**
 * An error goes back to the client's redirect URI by itself only when this server trusts that
 * URI: a client an operator registered. Anyone can register a client (RFC 7591) whose redirect URI
 * is a phishing page, then send a broken request on purpose: redirected at once, the error would
 * take the user there under PhotoCloud's name. For such a client the user is told, on this
 * server's page, and chooses (RFC 9700 §4.11.2: "If the URI is not trusted, the authorization
 * server MAY inform the user and rely on the user to make the correct decision"). Applied after
 * sign-in, which comes first for every client (app/authorize/route.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.11.2
 */
export const errorRedirectToTrustedUri: Check = {
  checkedBy: "authorization-server",
  rule: "an error is redirected by itself only to a redirect URI this server trusts: a client an operator registered",
  why: "Anyone can register a client whose redirect URI is a phishing page and send a broken request on purpose; the error redirect would take the user there under PhotoCloud's name.",
  see: rfcSection(9700, "4.11.2"),
  source,
};

/** Whether an error of `client`'s request may be redirected to it without asking the user; recorded. */
export function trustsRedirectUriForErrors(trail: CheckTrail, client: Pick<RegisteredClient, "name" | "selfRegistered">): boolean {
  return trail.holds(
    errorRedirectToTrustedUri,
    !client.selfRegistered,
    `${quoted(client.name)} registered itself (RFC 7591) and nobody reviewed its redirect URI: the error is shown on PhotoCloud's page, with a link the user may follow, instead of redirected.`,
  );
}
