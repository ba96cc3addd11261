import type { Role, StepId } from "@seven-steps/protocol";

/** One rule enforced during a step: what was checked, why, by whom, and where to read it. */
export interface StepCheck {
  checkedBy: Role;
  rule: string;
  why: string;
  /** The specification section. */
  see: string;
  /** The file of this repository that does it. */
  source: string;
}

const rfc = (number: number, section: string) => `https://www.rfc-editor.org/rfc/rfc${number}#section-${section}`;
const server = (path: string) => `apps/authorization-server/src/${path}`;

/** What each of the seven steps checked, for the inspector's "what was checked and why". */
export const stepChecks: Record<StepId, StepCheck[]> = {
  "authorization-request": [
    {
      checkedBy: "authorization-server",
      rule: "client_id names a registered client",
      why: "Only known clients may ask; an unknown one gets an error page, never a redirect.",
      see: rfc(6749, "4.1.2.1"),
      source: server("oauth/authorization-request/checks.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "redirect_uri equals a registered URI, character for character",
      why: "Otherwise an attacker could have the code sent to an address of their own.",
      see: rfc(9700, "2.1"),
      source: server("oauth/authorization-request/checks.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "a PKCE code_challenge with the S256 method",
      why: "It binds the code to the client that asked: a stolen code is useless without the verifier.",
      see: rfc(7636, "4.4.1"),
      source: server("oauth/authorization-request/checks.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "every requested scope is allowed for this client",
      why: "A client can never ask for more than it was registered for.",
      see: rfc(6749, "3.3"),
      source: server("oauth/authorization-request/checks.ts"),
    },
  ],
  "user-authorization": [
    {
      checkedBy: "authorization-server",
      rule: "the password, against an Argon2id hash, at the authorization server only",
      why: "The client never sees the user's password; failed attempts are slowed down.",
      see: rfc(6749, "10.3"),
      source: server("sign-in/sign-in-with-password.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "the consent form carries this session's CSRF token and comes from this site",
      why: "Another site must not be able to press Allow for the user.",
      see: rfc(6749, "10.12"),
      source: server("session/session.ts"),
    },
  ],
  "authorization-code": [
    {
      checkedBy: "authorization-server",
      rule: "the code is 256 random bits, stored as a hash, valid 60 seconds, bound to client, redirect URI, challenge, user and scopes",
      why: "It must be unguessable, short-lived and useful only to the client that asked.",
      see: rfc(6749, "4.1.2"),
      source: server("oauth/authorization-request/issue-code.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "the redirect carries iss, the issuer identifier",
      why: "A client that talks to several servers can tell which one answered (mix-up attacks).",
      see: rfc(9207, "2"),
      source: server("oauth/responses.ts"),
    },
    {
      checkedBy: "client",
      rule: "state and iss are those PrintShop expects",
      why: "A callback PrintShop did not start, or from another server, is refused (CSRF, mix-up).",
      see: rfc(6749, "10.12"),
      source: "apps/client/src/auth/provider.ts",
    },
  ],
  "access-token-request": [
    {
      checkedBy: "authorization-server",
      rule: "the client authenticates with its registered method (client_secret_basic), the secret compared as a hash in constant time",
      why: "Only the client the code was issued to may redeem it.",
      see: rfc(6749, "3.2.1"),
      source: server("oauth/client-authentication.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "the code_verifier hashes to the code_challenge of step 1",
      why: "Proof that the client redeeming the code is the one that started the flow.",
      see: rfc(7636, "4.6"),
      source: server("oauth/grants/authorization-code.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "the code is consumed once, atomically; a second use revokes what the first one issued",
      why: "A code used twice has leaked.",
      see: rfc(6749, "4.1.2"),
      source: server("oauth/grants/authorization-code.ts"),
    },
  ],
  "access-token": [
    {
      checkedBy: "authorization-server",
      rule: "a JWT access token (typ at+jwt) signed ES256, for the PhotoCloud API only (aud), lasting minutes",
      why: "The resource server can check it on its own; its lifetime limits the damage of a leak.",
      see: rfc(9068, "2"),
      source: server("oauth/tokens/access-token.ts"),
    },
    {
      checkedBy: "authorization-server",
      rule: "Cache-Control: no-store, and a refresh token that rotates on every use",
      why: "No cache keeps the tokens; a stolen refresh token is detected when it is used twice.",
      see: rfc(9700, "4.14.2"),
      source: server("oauth/grants/refresh-token.ts"),
    },
  ],
  "access-resource": [
    {
      checkedBy: "client",
      rule: "the access token goes in the Authorization header, from PrintShop's server",
      why: "Never in a URL, where logs and histories keep it; never in the browser.",
      see: rfc(6750, "2.1"),
      source: "apps/client/src/photos/photo-api.ts",
    },
  ],
  "resource-delivery": [
    {
      checkedBy: "resource-server",
      rule: "signature (by kid, from the published JWKS), typ, iss, aud, exp, nbf and scope",
      why: "A token from another issuer, for another API, expired or too weak is refused with RFC 6750's error.",
      see: rfc(9068, "4"),
      source: "packages/protocol/src/resource-server/verify-access-token.ts",
    },
    {
      checkedBy: "resource-server",
      rule: "the token's sub decides which photos exist",
      why: "Another member's photo answers 404, as if it did not exist.",
      see: rfc(6750, "1"),
      source: "apps/resource-api/src/storage/photos.ts",
    },
  ],
};

/** Every source file the checks point to; the client app shows these, and only these. */
export const checkedSourceFiles: string[] = [...new Set(Object.values(stepChecks).flatMap((checks) => checks.map((check) => check.source)))];
