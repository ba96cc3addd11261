import { base64url, calculateJwkThumbprint, exportJWK, SignJWT, type CryptoKey, type JWK } from "jose";

/**
 * DPoP proofs as a client makes them (RFC 9449 §4), in the browser and in Node alike: WebCrypto
 * keys, signed with jose. The server side is in ./verify-proof.ts.
 */

/** The `typ` of a DPoP proof's header (RFC 9449 §4.2), refused on any other JWT. */
export const dpopProofType = "dpop+jwt";

/**
 * A client's DPoP key pair: WebCrypto keys, as `crypto.subtle.generateKey` makes them in the
 * browser and in Node (a `CryptoKeyPair`). The private key may be non-extractable.
 */
export interface DpopKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** The request header that carries the proof (RFC 9449 §4.1). */
export const dpopHeaderName = "DPoP";

/**
 * The signature algorithms this project accepts for DPoP proofs and advertises as
 * `dpop_signing_alg_values_supported` (RFC 9449 §5.1) and in `algs` (§7.1): asymmetric only, for
 * a proof must be checkable with the public key it carries. ES256 is the one every WebCrypto
 * implementation offers.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export const dpopSigningAlgorithms = ["ES256"] as const;
export type DpopSigningAlgorithm = (typeof dpopSigningAlgorithms)[number];

/** What a proof is for: the request it goes with, and what the server asked it to carry. */
export interface DpopProofClaims {
  /** The request's method, `POST` or `GET`. */
  htm: string;
  /** The request's URL; its query and fragment are left out of the proof (RFC 9449 §4.2). */
  htu: string;
  /** The access token sent with the request, for a resource server: its hash goes into `ath`. */
  accessToken?: string;
  /** The last `DPoP-Nonce` the server sent (RFC 9449 §8, §9). */
  nonce?: string;
}

/** The claims of a DPoP proof's payload, as they travel (RFC 9449 §4.2). */
export interface DpopProofPayload {
  jti: string;
  htm: string;
  htu: string;
  iat: number;
  ath?: string;
  nonce?: string;
}

/**
 * The `ath` claim: the base64url-encoded SHA-256 of the access token's ASCII.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export async function dpopAccessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken));
  return base64url.encode(new Uint8Array(digest));
}

/** A URL without its query and fragment, as `htu` carries it. */
export function dpopHtuOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** The JWS algorithm of a WebCrypto key pair this project signs proofs with. */
function algorithmOf(key: CryptoKey): DpopSigningAlgorithm {
  const { name, namedCurve } = key.algorithm as { name: string; namedCurve?: string };
  if (name === "ECDSA" && namedCurve === "P-256") return "ES256";
  throw new TypeError(`A DPoP key must be an ECDSA P-256 key (ES256); got ${name}.`);
}

function isCryptoKey(key: CryptoKey | JWK): key is CryptoKey {
  return typeof (key as CryptoKey).type === "string" && typeof (key as CryptoKey).algorithm === "object";
}

/** The public members of a key as a JWK: nothing but what identifies the public key. */
async function publicJwkOf(publicKey: CryptoKey | JWK): Promise<JWK> {
  const jwk = isCryptoKey(publicKey) ? await exportJWK(publicKey) : publicKey;
  if (jwk.kty === "EC") return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  if (jwk.kty === "RSA") return { kty: jwk.kty, e: jwk.e, n: jwk.n };
  if (jwk.kty === "OKP") return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  throw new TypeError(`A DPoP key must be asymmetric; got a key of type ${String(jwk.kty)}.`);
}

/**
 * A new key pair for DPoP: ECDSA P-256. The private key cannot be exported (a script can sign
 * with it, never read it); the public key always can, for it goes into every proof.
 */
export function generateDpopKeyPair(): Promise<DpopKeyPair> {
  return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]) as Promise<DpopKeyPair>;
}

/**
 * The JWK SHA-256 thumbprint of a DPoP public key: the `jkt` a token is bound to (`cnf.jkt`,
 * RFC 9449 §6.1), and the `dpop_jkt` of an authorization request (§10).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7638#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.1
 */
export async function dpopJktOf(publicKey: CryptoKey | JWK): Promise<string> {
  return calculateJwkThumbprint(await publicJwkOf(publicKey), "sha256");
}

/**
 * A DPoP proof for one request: a JWT with `typ: dpop+jwt`, the public key in `jwk`, and the
 * claims `jti` (random), `htm`, `htu` (without query and fragment), `iat`, and when given `ath`
 * (the access token's hash, for a resource server) and `nonce`. A new one for every request.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export async function createDpopProof(keyPair: DpopKeyPair, claims: DpopProofClaims, now = new Date()): Promise<string> {
  const payload: DpopProofPayload = {
    jti: base64url.encode(crypto.getRandomValues(new Uint8Array(16))),
    htm: claims.htm,
    htu: dpopHtuOf(claims.htu),
    iat: Math.floor(now.getTime() / 1000),
  };
  if (claims.accessToken !== undefined) payload.ath = await dpopAccessTokenHash(claims.accessToken);
  if (claims.nonce !== undefined) payload.nonce = claims.nonce;
  return new SignJWT({ ...payload })
    .setProtectedHeader({ typ: dpopProofType, alg: algorithmOf(keyPair.privateKey), jwk: await publicJwkOf(keyPair.publicKey) })
    .sign(keyPair.privateKey);
}

/** What each member of a proof's header means, in one line, for the inspector and the lab. */
export const dpopProofHeaderMeanings: Record<string, string> = {
  typ: "dpop+jwt: this JWT is a DPoP proof, and cannot be mistaken for another kind of JWT.",
  alg: "How it is signed: ES256, with the client's private key.",
  jwk: "The client's public key, which checks the signature; the token is bound to its thumbprint.",
};

/** What each claim of a proof means, in one line, for the inspector and the lab. */
export const dpopProofClaimMeanings: Record<string, string> = {
  jti: "A random identifier: the server remembers it, and refuses the same proof twice.",
  htm: "The method of the one request this proof is for.",
  htu: "The URL of that request, without query and fragment.",
  iat: "When the proof was made: the server accepts it for a minute or so.",
  ath: "The SHA-256 of the access token sent with it: this proof goes with that token only.",
  nonce: "The value the server handed out in DPoP-Nonce: proves the proof was made just now.",
};
