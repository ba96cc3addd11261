import { base64url, calculateJwkThumbprint, compactVerify, importJWK, type CryptoKey, type JWK } from "jose";
import { CheckTrail, defineCheck, rfcSection } from "../checks/check.ts";
import { constantTimeEqual } from "../constant-time.ts";
import type { Role } from "../roles.ts";
import { InvalidDpopProof, UseDpopNonce } from "./errors.ts";
import type { DpopNonces } from "./nonce.ts";
import { dpopAccessTokenHash, dpopProofType, dpopSigningAlgorithms, type DpopProofPayload } from "./proof.ts";

const source = "packages/protocol/src/dpop/verify-proof.ts";

/**
 * How far a proof's `iat` may be from the server's clock, either way: a proof is made for the
 * request it goes with, so a minute covers the trip and clocks a little apart, and no more.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-11.1
 */
export const dpopProofWindowSeconds = 60;

/** Longer than any proof with an EC or RSA key and a nonce by far, short enough to parse at once. */
const maxProofLength = 8 * 1024;
/** The longest `jti` accepted: a proof's is 22 characters (oauth4webapi's 43). */
const maxJtiLength = 256;

/**
 * The members of a JWK that belong to a private key (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2), and
 * `k`, a symmetric key's secret (RFC 7518 §6.4.1).
 */
const privateJwkMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/** The request a proof must be for, as the server sees it. */
export interface DpopRequest {
  method: string;
  /**
   * The URL of the request as this server is configured to be reached (its issuer, or its
   * identifier), never as the request's Host header says: a proxy or an attacker chooses that.
   */
  url: string;
}

export interface VerifyDpopProofOptions {
  /** Who checks, as the inspector shows it. */
  checkedBy: Extract<Role, "authorization-server" | "resource-server">;
  /** The request's `DPoP` header: one proof (several headers arrive joined by commas, and fail). */
  proof: string;
  request: DpopRequest;
  /** The access token sent with the proof, at a resource server: the proof must carry its `ath`. */
  accessToken?: string;
  /** The server's nonces: a nonce in a proof must be one of them, and with `requireNonce`, there must be one. */
  nonces?: DpopNonces;
  requireNonce?: boolean;
  /**
   * The replay cache: stores the proof's `jti` (as its SHA-256) until `expiresAt`, and answers
   * whether it was new. Shared by every instance of the server (RFC 9449 §11.1).
   */
  isFirstUse: (jtiHash: string, expiresAt: Date) => Promise<boolean>;
  /** The algorithms accepted; {@link dpopSigningAlgorithms} unless given. */
  algorithms?: readonly string[];
  trail?: CheckTrail;
  now?: Date;
}

/** A proof that passed every check. */
export interface VerifiedDpopProof {
  /** The JWK SHA-256 thumbprint of its key (RFC 7638): what tokens are bound to. */
  jkt: string;
  jwk: JWK;
  header: Record<string, unknown>;
  payload: DpopProofPayload;
}

interface ParsedProof {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** The JSON object in one base64url part of a JWT, or undefined. */
function jsonObjectOf(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(part)));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A URL for comparing `htu`: scheme and host lower-cased, the default port left out, dot segments
 * resolved and percent-encoding made uniform (syntax- and scheme-based normalisation,
 * RFC 3986 §6.2.2, §6.2.3), with no query and no fragment. Undefined for what is not an http(s)
 * URL.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export function normalizeHtu(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const path = url.pathname.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const character = String.fromCharCode(parseInt(escape.slice(1), 16));
    // RFC 3986 §6.2.2.2: an unreserved character is the same escaped or not; others stay escaped.
    return /[\w.~-]/.test(character) ? character : escape.toUpperCase();
  });
  return `${url.origin}${path}`;
}

function checksFor(checkedBy: VerifyDpopProofOptions["checkedBy"]) {
  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofSyntax = defineCheck(
    {
      checkedBy,
      rule: "the DPoP header holds exactly one JWT whose typ is dpop+jwt",
      why: "Only a JWT made to be a DPoP proof is one: an access token or an ID token cannot pass for it.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    (proof: string): ParsedProof => {
      if (proof.length > maxProofLength || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(proof)) {
        throw new InvalidDpopProof("The DPoP header must hold exactly one JWT.");
      }
      const [headerPart = "", payloadPart = ""] = proof.split(".");
      const header = jsonObjectOf(headerPart);
      const payload = jsonObjectOf(payloadPart);
      if (!header || !payload) throw new InvalidDpopProof("The DPoP proof is not a well-formed JWT.");
      if (header.typ !== dpopProofType) throw new InvalidDpopProof(`The DPoP proof's typ header must be ${dpopProofType}.`);
      return { header, payload };
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofAlgorithm = defineCheck(
    {
      checkedBy,
      rule: `the proof is signed with an asymmetric algorithm this server accepts (${dpopSigningAlgorithms.join(", ")}), never none or HS256`,
      why: "The proof must be checkable with the public key it carries: none proves nothing, and a shared secret is no key of the client's own.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    (header: Record<string, unknown>, algorithms: readonly string[]): string => {
      const { alg } = header;
      if (typeof alg !== "string" || !algorithms.includes(alg)) {
        throw new InvalidDpopProof(`The DPoP proof must be signed with one of: ${algorithms.join(", ")}.`);
      }
      return alg;
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofKey = defineCheck(
    {
      checkedBy,
      rule: "the jwk header is a public key, with no private member, of the algorithm's type",
      why: "A proof carrying a private key proves nothing: whoever saw it can sign with it.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    async (header: Record<string, unknown>, alg: string): Promise<{ key: CryptoKey | Uint8Array; jwk: JWK; jkt: string }> => {
      const { jwk } = header;
      if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) {
        throw new InvalidDpopProof("The DPoP proof must carry its public key in the jwk header.");
      }
      if (privateJwkMembers.some((member) => Object.hasOwn(jwk, member))) {
        throw new InvalidDpopProof("The DPoP proof's jwk holds a private key; send the public key only.");
      }
      try {
        const key = await importJWK(jwk as JWK, alg);
        return { key, jwk: jwk as JWK, jkt: await calculateJwkThumbprint(jwk as JWK, "sha256") };
      } catch (error) {
        throw new InvalidDpopProof(`The DPoP proof's jwk is not a public key for ${alg}.`, { cause: error });
      }
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofSignature = defineCheck(
    {
      checkedBy,
      rule: "the proof's signature verifies with the key in its jwk header",
      why: "Only the holder of the private key can sign: that is the proof of possession.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    async (proof: string, key: CryptoKey | Uint8Array, alg: string): Promise<void> => {
      try {
        await compactVerify(proof, key, { algorithms: [alg] });
      } catch (error) {
        throw new InvalidDpopProof("The DPoP proof's signature does not verify with its jwk.", { cause: error });
      }
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2 */
  const checkDpopProofClaims = defineCheck(
    {
      checkedBy,
      rule: "the proof carries jti, htm, htu and iat, each of its type",
      why: "Each of them ties the proof to one request at one moment; a proof without one could be used again.",
      see: rfcSection(9449, "4.2"),
      source,
    },
    (payload: Record<string, unknown>): DpopProofPayload => {
      const { jti, htm, htu, iat, ath, nonce } = payload;
      if (typeof jti !== "string" || jti.length === 0 || jti.length > maxJtiLength) {
        throw new InvalidDpopProof("The DPoP proof must carry a jti, a string of at most 256 characters.");
      }
      if (typeof htm !== "string" || typeof htu !== "string") throw new InvalidDpopProof("The DPoP proof must carry htm and htu, as strings.");
      if (typeof iat !== "number" || !Number.isInteger(iat) || iat < 0) {
        throw new InvalidDpopProof("The DPoP proof must carry iat, in whole seconds since 1970.");
      }
      if (ath !== undefined && typeof ath !== "string") throw new InvalidDpopProof("The DPoP proof's ath must be a string.");
      if (nonce !== undefined && typeof nonce !== "string") throw new InvalidDpopProof("The DPoP proof's nonce must be a string.");
      return {
        jti,
        htm,
        htu,
        iat,
        ...(ath === undefined ? {} : { ath }),
        ...(nonce === undefined ? {} : { nonce }),
      };
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofRequest = defineCheck(
    {
      checkedBy,
      rule: "htm is this request's method and htu its URL (without query and fragment, normalised), at this server's configured address",
      why: "A proof caught on its way to one endpoint cannot be used at another, or with another method.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    (payload: DpopProofPayload, request: DpopRequest): void => {
      if (payload.htm !== request.method) throw new InvalidDpopProof(`The DPoP proof is for ${payload.htm}, not ${request.method}.`);
      const expected = normalizeHtu(request.url);
      if (expected === undefined || normalizeHtu(payload.htu) !== expected) {
        throw new InvalidDpopProof(`The DPoP proof's htu must be ${expected ?? request.url}.`);
      }
    },
  );

  /**
   * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
   * @see https://www.rfc-editor.org/rfc/rfc9449#section-9
   */
  const checkDpopProofNonce = defineCheck(
    {
      checkedBy,
      rule: "the proof carries a nonce this server handed out in DPoP-Nonce, recent enough",
      why: "A nonce from the server shows the proof was made after the server spoke: proofs made in advance, on a stolen device or with a wrong clock, go stale.",
      see: rfcSection(9449, checkedBy === "authorization-server" ? "8" : "9"),
      source,
    },
    async (payload: DpopProofPayload, nonces: DpopNonces, required: boolean, now: Date): Promise<void> => {
      if (payload.nonce === undefined && !required) return;
      if (payload.nonce !== undefined && (await nonces.accepts(payload.nonce, now))) return;
      const description =
        payload.nonce === undefined
          ? "This server requires a nonce in the DPoP proof: use the one in the DPoP-Nonce header."
          : "The DPoP proof's nonce is stale or not this server's: use the one in the DPoP-Nonce header.";
      throw new UseDpopNonce(description, await nonces.current(now));
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofFreshness = defineCheck(
    {
      checkedBy,
      rule: `the proof was made within ${dpopProofWindowSeconds} seconds of now (iat), either way`,
      why: "A proof is made for one request, at the moment it is sent: an old one has been kept, and one from the future was made to be kept.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    (payload: DpopProofPayload, now: Date): void => {
      const age = Math.floor(now.getTime() / 1000) - payload.iat;
      if (age > dpopProofWindowSeconds) throw new InvalidDpopProof("The DPoP proof has expired: make a new one for each request.");
      if (age < -dpopProofWindowSeconds) throw new InvalidDpopProof("The DPoP proof's iat is in the future; check the client's clock.");
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 */
  const checkDpopProofAccessTokenHash = defineCheck(
    {
      checkedBy,
      rule: "ath is the SHA-256 of the access token sent with the proof",
      why: "The proof goes with one token: a proof made for another token cannot be paired with this one.",
      see: rfcSection(9449, "4.3"),
      source,
    },
    async (payload: DpopProofPayload, accessToken: string): Promise<void> => {
      if (payload.ath === undefined) throw new InvalidDpopProof("The DPoP proof must carry ath, the hash of the access token.");
      if (!constantTimeEqual(payload.ath, await dpopAccessTokenHash(accessToken))) {
        throw new InvalidDpopProof("The DPoP proof's ath does not match the access token.");
      }
    },
  );

  /** @see https://www.rfc-editor.org/rfc/rfc9449#section-11.1 */
  const checkDpopProofNotReplayed = defineCheck(
    {
      checkedBy,
      rule: "the proof's jti has not been seen before, by any instance of this server",
      why: "A proof copied off the wire and sent again within its minute is refused.",
      see: rfcSection(9449, "11.1"),
      source,
    },
    async (payload: DpopProofPayload, isFirstUse: VerifyDpopProofOptions["isFirstUse"]): Promise<void> => {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(payload.jti));
      // The last moment at which checkDpopProofFreshness still accepts this iat.
      const expiresAt = new Date((payload.iat + dpopProofWindowSeconds + 1) * 1000);
      if (!(await isFirstUse(base64url.encode(new Uint8Array(digest)), expiresAt))) {
        throw new InvalidDpopProof("This DPoP proof was already used: make a new one for each request.");
      }
    },
  );

  return {
    checkDpopProofSyntax,
    checkDpopProofAlgorithm,
    checkDpopProofKey,
    checkDpopProofSignature,
    checkDpopProofClaims,
    checkDpopProofRequest,
    checkDpopProofNonce,
    checkDpopProofFreshness,
    checkDpopProofAccessTokenHash,
    checkDpopProofNotReplayed,
  };
}

type DpopProofChecks = ReturnType<typeof checksFor>;

/**
 * The checks of a DPoP proof, once for each server that makes them: the same rules, recorded as
 * the authorization server's at the token endpoint and as the resource server's at the API.
 */
export const dpopProofChecks: Record<VerifyDpopProofOptions["checkedBy"], DpopProofChecks> = {
  "authorization-server": checksFor("authorization-server"),
  "resource-server": checksFor("resource-server"),
};

/**
 * Verifies a DPoP proof as RFC 9449 §4.3 lists the checks, in its order:
 *
 * 1. one JWT in the header, with `typ: dpop+jwt`;
 * 2. `alg` asymmetric and accepted here (never `none`, never HMAC);
 * 3. a public key in `jwk`, with no private member;
 * 4. the signature verifies with that key;
 * 5. `jti`, `htm`, `htu` and `iat` present;
 * 6. `htm` and `htu` match this request, `htu` at the server's configured address;
 * 7. a nonce of this server's, when it demands one (or when the proof carries one);
 * 8. `iat` within {@link dpopProofWindowSeconds} of now;
 * 9. with an access token, `ath` is its hash;
 * 10. and, last, the `jti` was never seen (§11.1), so that a refused proof is not remembered.
 *
 * Throws {@link InvalidDpopProof}, or {@link UseDpopNonce} with the nonce to send.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export async function verifyDpopProof(options: VerifyDpopProofOptions): Promise<VerifiedDpopProof> {
  const trail = options.trail ?? new CheckTrail();
  const now = options.now ?? new Date();
  const checks = dpopProofChecks[options.checkedBy];
  const { header, payload: claims } = checks.checkDpopProofSyntax(trail, options.proof);
  const alg = checks.checkDpopProofAlgorithm(trail, header, options.algorithms ?? dpopSigningAlgorithms);
  const { key, jwk, jkt } = await checks.checkDpopProofKey(trail, header, alg);
  await checks.checkDpopProofSignature(trail, options.proof, key, alg);
  const payload = checks.checkDpopProofClaims(trail, claims);
  checks.checkDpopProofRequest(trail, payload, options.request);
  if (options.nonces) await checks.checkDpopProofNonce(trail, payload, options.nonces, options.requireNonce ?? false, now);
  checks.checkDpopProofFreshness(trail, payload, now);
  if (options.accessToken !== undefined) await checks.checkDpopProofAccessTokenHash(trail, payload, options.accessToken);
  await checks.checkDpopProofNotReplayed(trail, payload, options.isFirstUse);
  return { jkt, jwk, header, payload };
}
