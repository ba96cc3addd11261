import { defineCheck, rfcSection } from "../checks/check.ts";
import { readBearerToken } from "./bearer-token.ts";
import { InvalidBearerRequest, InvalidToken } from "./errors.ts";
import { InvalidDpopProof } from "../dpop/errors.ts";

/** How a request presents its access token: `Authorization: Bearer` or `Authorization: DPoP`. */
export type AccessTokenScheme = "bearer" | "dpop";

export interface AccessTokenCredentials {
  scheme: AccessTokenScheme;
  token: string;
}

/** `credentials = "DPoP" 1*SP token68`, the token68 of RFC 9110 §11.2; the scheme is case-insensitive. */
const dpopCredentials = /^DPoP +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The access token of a request and the scheme it came with: `Bearer` (RFC 6750 §2.1, with the
 * refusals of {@link readBearerToken}) or `DPoP` (RFC 9449 §7.1). Null when the request has
 * neither, so that the answer carries no error code (RFC 6750 §3.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export async function readAccessTokenCredentials(request: Request): Promise<AccessTokenCredentials | null> {
  const bearer = await readBearerToken(request);
  if (bearer !== null) return { scheme: "bearer", token: bearer };
  const header = request.headers.get("authorization")?.trim();
  if (header === undefined || header.split(/\s+/)[0]?.toLowerCase() !== "dpop") return null;
  const match = dpopCredentials.exec(header);
  if (!match?.[1]) throw new InvalidBearerRequest("The Authorization header must be 'DPoP', a space, and the token.");
  return { scheme: "dpop", token: match[1] };
}

/** What the resource server knows when it compares a token's binding with the request. */
export interface DpopBinding {
  scheme: AccessTokenScheme;
  /** The token's `cnf.jkt`: the key it is bound to, if any (RFC 9449 §6). */
  boundJkt?: string;
  /** The thumbprint of the key of the request's verified proof, if any. */
  proofJkt?: string;
}

/**
 * A token bound to a key is accepted only with the DPoP scheme and a proof of that very key; a
 * token bound to none only as Bearer. So a bound token copied off a client is worth nothing
 * without the client's private key, presented either way.
 *
 * - bound, presented as Bearer: `invalid_token` (RFC 9449 §7.2: a resource server that accepts
 *   both schemes must refuse a bound token as a bearer token);
 * - bound, with a proof of another key: `invalid_dpop_proof` (§4.3, check 12);
 * - unbound, presented as DPoP: `invalid_token`, for the token is not a DPoP token (§7.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.2
 */
export const checkDpopBinding = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "a token bound to a key (cnf.jkt) comes with the DPoP scheme and a proof of that key; an unbound one as Bearer",
    why: "A stolen DPoP-bound token is refused without the client's private key, whichever scheme the thief tries.",
    see: rfcSection(9449, "7.1"),
    source: "packages/protocol/src/resource-server/dpop-bound-token.ts",
  },
  (binding: DpopBinding): void => {
    if (binding.scheme === "bearer") {
      if (binding.boundJkt !== undefined) {
        throw new InvalidToken("This access token is bound to a DPoP key: send it as Authorization: DPoP, with a proof of that key.");
      }
      return;
    }
    if (binding.boundJkt === undefined) throw new InvalidToken("This access token is not bound to a DPoP key: send it as Bearer.");
    if (binding.proofJkt !== binding.boundJkt) {
      throw new InvalidDpopProof("The DPoP proof is signed with another key than the one the access token is bound to.");
    }
  },
);
