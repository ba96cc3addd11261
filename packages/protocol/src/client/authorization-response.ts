import { rfcSection, type Check } from "../checks/check.ts";
import { errorCodeMeanings, isAuthorizationErrorCode, type AuthorizationErrorCode } from "../error-codes.ts";

const source = "packages/protocol/src/client/authorization-response.ts";

/**
 * The `iss` check of {@link validateAuthorizationResponse}, described for the pages that teach:
 * it runs in the client (often in a browser, where no server records it), and raises
 * `issuer_mismatch` when it refuses.
 */
export const responseIssuerCheck: Check = {
  checkedBy: "client",
  rule: "the iss of the authorization response names the authorization server the request went to",
  why: "A client that knows several authorization servers would otherwise send a code from one of them, with its PKCE verifier, to the token endpoint of another, the attacker's: the mix-up attack.",
  see: rfcSection(9207, "2.4"),
  source,
};

/** The `state` check of {@link validateAuthorizationResponse}, which raises `state_mismatch` when it refuses. */
export const responseStateCheck: Check = {
  checkedBy: "client",
  rule: "the state of the authorization response is the one this client sent",
  why: "Without it, an attacker pushes an answer of her own making, with her code, into the victim's browser.",
  see: rfcSection(6749, "10.12"),
  source,
};

/** The check that raised an {@link AuthorizationResponseError}, when it was one of the client's own. */
export function checkOfAuthorizationResponseError(code: string): Check | undefined {
  if (code === "issuer_mismatch") return responseIssuerCheck;
  if (code === "state_mismatch") return responseStateCheck;
  return undefined;
}

/**
 * Why a client refuses an authorization response:
 * - an authorization error code: the server sent `error` instead of a code;
 * - `issuer_mismatch`: `iss` is missing or names another authorization server (the mix-up defence);
 * - `state_mismatch`: `state` is not the one this client sent (the CSRF defence);
 * - `invalid_response`: a parameter appears twice, there is no code, or the `error` is unknown.
 */
export type AuthorizationResponseErrorCode = AuthorizationErrorCode | "issuer_mismatch" | "state_mismatch" | "invalid_response";

/** The authorization response was an error, or failed one of the client's checks. */
export class AuthorizationResponseError extends Error {
  override readonly name = "AuthorizationResponseError";

  constructor(
    readonly code: AuthorizationResponseErrorCode,
    readonly description: string,
    options?: ErrorOptions,
  ) {
    super(`${code}: ${description}`, options);
  }
}

export interface AuthorizationResponseExpectations {
  /** The `state` this client put in its authorization request. */
  expectedState: string;
  /** The issuer identifier of the authorization server the request went to. */
  expectedIssuer: string;
  /**
   * The attack lab's `mix-up-iss` switch: the `iss` check lets any issuer through. Only the page
   * of PrintShop's weak demo client sets it (apps/client/src/app/attack-lab/victim), for a run of
   * the mix-up card that asks, while the apps run with ATTACK_LAB_WEAKENING=true. Never set it
   * anywhere else: it is the mix-up attack's open door.
   */
  issuerCheckSwitchedOff?: boolean;
}

/**
 * Step 3, on the client's side: reads the redirect URI the browser came back to and returns the
 * authorization code, or throws an {@link AuthorizationResponseError}.
 *
 * The checks run in the order that makes each one meaningful: `iss` first, so that nothing from
 * another server is trusted; then `state`, so that an injected response, even an error, is refused
 * before it is read; then `error`; then the code. This client requires `iss`, as RFC 9207 §2.4 asks
 * of clients whose server advertises `authorization_response_iss_parameter_supported`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function validateAuthorizationResponse(
  redirectUrl: URL | string,
  { expectedState, expectedIssuer, issuerCheckSwitchedOff = false }: AuthorizationResponseExpectations,
): string {
  const parameters = new URL(redirectUrl).searchParams;

  // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
  const repeated = [...new Set(parameters.keys())].find((name) => parameters.getAll(name).length > 1);
  if (repeated !== undefined) {
    throw new AuthorizationResponseError("invalid_response", `The parameter ${repeated} appears more than once.`);
  }

  const iss = parameters.get("iss");
  if (iss !== expectedIssuer && !issuerCheckSwitchedOff) {
    throw new AuthorizationResponseError(
      "issuer_mismatch",
      iss === null
        ? "The response has no iss parameter, so it cannot be told apart from another server's."
        : "The response comes from another authorization server than the one the request went to.",
      { cause: { expected: expectedIssuer, received: iss } },
    );
  }

  const state = parameters.get("state");
  if (state !== expectedState) {
    throw new AuthorizationResponseError(
      "state_mismatch",
      "The state in the response is not the one this client sent: the response may be forged.",
      { cause: { expected: expectedState, received: state } },
    );
  }

  const error = parameters.get("error");
  if (error !== null) {
    const code = isAuthorizationErrorCode(error) ? error : "invalid_response";
    const description =
      parameters.get("error_description") ?? (code === "invalid_response" ? "The server sent an unknown error." : errorCodeMeanings[code]);
    throw new AuthorizationResponseError(code, description, { cause: { error } });
  }

  const code = parameters.get("code");
  if (!code) throw new AuthorizationResponseError("invalid_response", "The response carries neither a code nor an error.");
  return code;
}
