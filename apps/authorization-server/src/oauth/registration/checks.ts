import {
  defineCheck,
  formatScope,
  parseScope,
  rfcSection,
  ScopeSyntaxError,
  tokenEndpointAuthMethods,
  type TokenEndpointAuthMethod,
} from "@seven-steps/protocol";
import { allPhotoScopes, isPhotoScope } from "@seven-steps/story";
import { mayUseClientCredentials } from "../client-rules.ts";
import { maxParameterLength, quoted } from "../parameters.ts";
import { registrableGrantTypes, type ClientMetadataRequest, type RegistrableGrantType } from "./client-metadata.ts";
import { InvalidClientMetadata, InvalidRedirectUri, type ClientMetadataField } from "./errors.ts";

/**
 * The checks of a registration request, one rule each, from RFC 7591 §2 and the rules of this
 * server. ./validate.ts applies them in order. Each returns the value to register, with the
 * default filled in when the client left the field out.
 */

const source = "apps/authorization-server/src/oauth/registration/checks.ts";

/** The scope a client gets when it registers none: enough to sign a user in and see their photos. */
export const defaultScope = "profile photos:read";

const maxClientNameLength = 100;

/** Hosts that are this very machine: plain http is safe there, nothing leaves it (RFC 8252 §7.3). */
const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/** A metadata value that must be a JSON array of strings. */
function stringArray(metadata: ClientMetadataRequest, field: ClientMetadataField): string[] | undefined {
  const value = metadata[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new InvalidClientMetadata(field, `${field} must be an array of strings.`);
  }
  return value;
}

/**
 * `client_name`, the name users see on the consent screen. RFC 7591 §2 makes it optional; this
 * server requires it, so that a user always knows who is asking.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export const checkClientName = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: `client_name is given, 1 to ${maxClientNameLength} characters without control characters`,
    why: "Users see it on the consent screen: they must always know who is asking.",
    see: rfcSection(7591, "2"),
    source,
  },
  (metadata: ClientMetadataRequest): string => {
    const value = metadata.client_name;
    if (value === undefined) {
      throw new InvalidClientMetadata(
        "client_name",
        "client_name is required: it is the name users see when they are asked to allow access.",
      );
    }
    if (typeof value !== "string") throw new InvalidClientMetadata("client_name", "client_name must be a string.");
    const name = value.trim();
    const length = [...name].length;
    if (length === 0 || length > maxClientNameLength) {
      throw new InvalidClientMetadata("client_name", `client_name must be 1 to ${maxClientNameLength} characters long.`);
    }
    if (/\p{Cc}/u.test(name)) {
      throw new InvalidClientMetadata("client_name", "client_name must not contain control characters such as line breaks.");
    }
    return name;
  },
);

/**
 * `token_endpoint_auth_method`: how the client will authenticate at the token endpoint. The
 * default is `client_secret_basic` (RFC 7591 §2); `none` makes a public client, with no secret.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export const checkAuthMethod = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "token_endpoint_auth_method is one this server supports",
    why: "A client must prove who it is at the token endpoint in a way this server can check.",
    see: rfcSection(7591, "2"),
    source,
  },
  (metadata: ClientMetadataRequest): TokenEndpointAuthMethod => {
    const value = metadata.token_endpoint_auth_method ?? "client_secret_basic";
    if (!isOneOf(tokenEndpointAuthMethods, value)) {
      throw new InvalidClientMetadata(
        "token_endpoint_auth_method",
        `token_endpoint_auth_method ${typeof value === "string" ? `${quoted(value)} ` : ""}is not supported; use client_secret_basic, client_secret_post or none.`,
      );
    }
    return value;
  },
);

/**
 * `grant_types`, default `authorization_code` (RFC 7591 §2). Only the grants the token endpoint
 * serves; `client_credentials` only for a client that has a secret (RFC 6749 §4.4); and
 * `refresh_token` only with `authorization_code`, the one grant here that issues refresh tokens.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export const checkGrantTypes = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "grant_types are grants this server serves: client_credentials only with a secret, refresh_token only with authorization_code",
    why: "A client is given no grant it could not use safely.",
    see: rfcSection(7591, "2"),
    source,
  },
  (metadata: ClientMetadataRequest, authMethod: TokenEndpointAuthMethod): RegistrableGrantType[] => {
    const listed = stringArray(metadata, "grant_types") ?? ["authorization_code"];
    if (listed.length === 0) throw new InvalidClientMetadata("grant_types", "grant_types must list at least one grant type.");
    for (const [index, grantType] of listed.entries()) {
      if (!isOneOf(registrableGrantTypes, grantType)) {
        throw new InvalidClientMetadata(
          "grant_types",
          `grant_types[${index}] ${quoted(grantType)} is not supported; use authorization_code, refresh_token or client_credentials.`,
        );
      }
    }
    const grantTypes = [...new Set(listed as RegistrableGrantType[])];
    if (grantTypes.includes("client_credentials") && !mayUseClientCredentials(authMethod)) {
      throw new InvalidClientMetadata(
        "grant_types",
        "A public client (token_endpoint_auth_method none) cannot use client_credentials: that grant needs a client secret (RFC 6749 section 4.4).",
      );
    }
    if (grantTypes.includes("refresh_token") && !grantTypes.includes("authorization_code")) {
      throw new InvalidClientMetadata(
        "grant_types",
        "grant_types lists refresh_token without authorization_code: refresh tokens are issued here only with the authorization code grant.",
      );
    }
    return grantTypes;
  },
);

/**
 * `response_types` must agree with `grant_types` (RFC 7591 §2.1): `code`, the default, goes with
 * `authorization_code`; a client without that grant never uses the authorization endpoint, so it
 * has no response type.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2.1
 */
export const checkResponseTypes = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "response_types agree with grant_types: code with authorization_code, none without it",
    why: "Both lists describe the same client: a mismatch is a mistake to report, not to guess at.",
    see: rfcSection(7591, "2.1"),
    source,
  },
  (metadata: ClientMetadataRequest, grantTypes: RegistrableGrantType[]): "code"[] => {
    const listed = stringArray(metadata, "response_types");
    if (grantTypes.includes("authorization_code")) {
      if (listed === undefined) return ["code"];
      if (listed.length === 0 || !listed.every((responseType) => responseType === "code")) {
        throw new InvalidClientMetadata(
          "response_types",
          "response_types must be exactly code with the authorization_code grant, the only response type this server supports (RFC 7591 section 2.1).",
        );
      }
      return ["code"];
    }
    if (listed !== undefined && listed.length > 0) {
      throw new InvalidClientMetadata(
        "response_types",
        "response_types must be left out without the authorization_code grant: no other grant uses the authorization endpoint (RFC 7591 section 2.1).",
      );
    }
    return [];
  },
);

/**
 * What is wrong with one redirect URI, in words that follow its name (`redirect_uris[1] ...`), or
 * undefined when nothing is. The rules, in order:
 *
 * - an absolute URL (RFC 6749 §3.1.2), short enough to be sent back in `redirect_uri`;
 * - without a fragment (RFC 6749 §3.1.2);
 * - https, or plain http only to this machine's loopback address, where nothing crosses a network
 *   (RFC 6749 §3.1.2.1, RFC 8252 §7.3, RFC 9700 §2.1);
 * - without a user name or password, which would leak with every redirect.
 *
 * The URI is registered exactly as written: the authorization endpoint compares redirect URIs as
 * exact strings (RFC 9700 §4.1.3).
 */
function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== "string") return "must be a string";
  if (uri.length > maxParameterLength) return `must be at most ${maxParameterLength} characters long`;
  if (!URL.canParse(uri)) return "must be an absolute URL, such as https://app.example/callback";
  const url = new URL(uri);
  if (uri.includes("#")) return "must not contain a fragment";
  const isLoopbackHttp = url.protocol === "http:" && loopbackHosts.includes(url.hostname);
  if (url.protocol !== "https:" && !isLoopbackHttp) return "must use https; plain http is allowed only for localhost, 127.0.0.1 or [::1]";
  if (url.username !== "" || url.password !== "") return "must not contain a user name or password";
  return undefined;
}

/**
 * `redirect_uris`, where the authorization endpoint may send codes: required with the
 * authorization code grant, each URI a safe one (see {@link redirectUriProblem}), none twice.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2
 */
export const checkRedirectUris = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "each redirect URI is absolute, without fragment or credentials, https or loopback http, and listed once",
    why: "Codes are sent there: a URI that leaks over plain http, or that an attacker can read, would hand them the code.",
    see: rfcSection(6749, "3.1.2"),
    source,
  },
  (metadata: ClientMetadataRequest, grantTypes: RegistrableGrantType[]): string[] => {
    const value = metadata.redirect_uris;
    const required = grantTypes.includes("authorization_code");
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (required) {
        throw new InvalidRedirectUri("redirect_uris is required with the authorization_code grant: codes are sent to one of these URIs.");
      }
      return [];
    }
    if (!Array.isArray(value)) throw new InvalidClientMetadata("redirect_uris", "redirect_uris must be an array of URIs.");
    for (const [index, uri] of value.entries()) {
      const problem = redirectUriProblem(uri);
      if (problem) throw new InvalidRedirectUri(`redirect_uris[${index}] ${problem}.`);
      const first = value.indexOf(uri);
      if (first !== index) throw new InvalidRedirectUri(`redirect_uris[${index}] repeats redirect_uris[${first}].`);
    }
    return value as string[];
  },
);

/**
 * `scope`: the scopes the client may ask for, space-separated with the syntax of RFC 6749 §3.3,
 * each one a scope of this server. The default is {@link defaultScope}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export const checkScope = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "every scope is a scope of this server",
    why: "A client registers only for scopes that exist, and users see each one in plain words on the consent screen.",
    see: rfcSection(7591, "2"),
    source,
  },
  (metadata: ClientMetadataRequest): string => {
    const value = metadata.scope ?? defaultScope;
    if (typeof value !== "string") throw new InvalidClientMetadata("scope", "scope must be a string of space-separated scope values.");
    let scopes: string[];
    try {
      scopes = parseScope(value);
    } catch (error) {
      if (!(error instanceof ScopeSyntaxError)) throw error;
      throw new InvalidClientMetadata(
        "scope",
        "scope is malformed: separate scope values with single spaces, without quotes, backslashes or non-ASCII characters (RFC 6749 section 3.3).",
        { cause: error },
      );
    }
    if (scopes.length === 0) throw new InvalidClientMetadata("scope", "scope must name at least one scope.");
    const unknown = scopes.find((scope) => !isPhotoScope(scope));
    if (unknown !== undefined) {
      throw new InvalidClientMetadata("scope", `scope ${quoted(unknown)} is not a scope of this server; use ${allPhotoScopes.join(", ")}.`);
    }
    return formatScope(scopes);
  },
);

/**
 * `dpop_bound_access_tokens`: whether the client always uses DPoP, so that this server refuses its
 * token requests without a proof (../dpop.ts). A boolean, false when left out.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5.2
 */
export const checkDpopBoundAccessTokens = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "dpop_bound_access_tokens, when given, is true or false",
    why: "A client that always binds its tokens to its key asks the server to refuse any request of its that does not.",
    see: rfcSection(9449, "5.2"),
    source,
  },
  (metadata: ClientMetadataRequest): boolean => {
    const value = metadata.dpop_bound_access_tokens ?? false;
    if (typeof value !== "boolean") throw new InvalidClientMetadata("dpop_bound_access_tokens", "dpop_bound_access_tokens must be true or false.");
    return value;
  },
);

/**
 * `require_pushed_authorization_requests`: the client will send its authorization requests only
 * by reference, after pushing them, and the authorization endpoint refuses any other from it
 * (RFC 9126 §6). A JSON boolean, default false.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-6
 */
export const checkRequirePushedAuthorizationRequests = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "require_pushed_authorization_requests is true or false",
    why: "A client that wants its requests kept out of the browser says so once, and the authorization endpoint holds it to that.",
    see: rfcSection(9126, "6"),
    source,
  },
  (metadata: ClientMetadataRequest): boolean => {
    const value = metadata.require_pushed_authorization_requests ?? false;
    if (typeof value !== "boolean") {
      throw new InvalidClientMetadata("require_pushed_authorization_requests", "require_pushed_authorization_requests must be true or false.");
    }
    return value;
  },
);
