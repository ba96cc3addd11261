import { createHmac } from "node:crypto";
import { base64url, decodeJwt, decodeProtectedHeader, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";

/**
 * The four forged access tokens of attack 11, made from a real token of Mallory's own and the
 * authorization server's published key. Each is what a resource server with a lax JWT library
 * would have accepted (RFC 8725 §2.1, §3.1); the PhotoCloud API accepts none of them.
 */
export interface Forgery {
  /** What the forgery is, as the card names it. */
  label: string;
  token: string;
}

/** A JWT assembled by hand: no library will sign with `alg: none` or an EC public key as an HMAC secret. */
function handMade(header: object, claims: object, signature: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  return `${input}.${signature(input)}`;
}

/**
 * @param mallorysToken an access token PhotoCloud really issued to Mallory, for her own account
 * @param publishedKey the authorization server's signing key, as its JWKS publishes it (public)
 * @param victimSub the `sub` Mallory puts in place of hers
 */
export async function forgeAccessTokens(mallorysToken: string, publishedKey: JWK, victimSub: string): Promise<Forgery[]> {
  const realHeader = decodeProtectedHeader(mallorysToken);
  const claims: JWTPayload = { ...decodeJwt(mallorysToken), sub: victimSub };
  const kid = publishedKey.kid ?? realHeader.kid;

  // RFC 8725 §2.1: a library that trusts the header's alg accepts an unsigned token.
  const unsigned = handMade({ alg: "none", typ: "at+jwt" }, claims, () => "");

  // RFC 8725 §2.1: "alg" switched to HS256, keyed with the public key (what anyone can download),
  // for a library that verifies with "the key" whatever the algorithm.
  const pem = await exportSPKI((await importJWK(publishedKey, "ES256")) as CryptoKey);
  const hmacWithPublicKey = handMade({ alg: "HS256", typ: "at+jwt", kid }, claims, (input) =>
    createHmac("sha256", pem).update(input).digest("base64url"),
  );

  // A well-formed ES256 signature, by Mallory's own key, under PhotoCloud's kid.
  const { privateKey } = await generateKeyPair("ES256");
  const foreignKey = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid }).sign(privateKey);

  // Her real token, its payload edited and its signature kept.
  const [header, , signature] = mallorysToken.split(".");
  const tampered = `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;

  return [
    { label: "alg: none, no signature at all", token: unsigned },
    { label: "HS256, keyed with PhotoCloud's public key", token: hmacWithPublicKey },
    { label: "ES256, signed by Mallory's own key under PhotoCloud's kid", token: foreignKey },
    { label: "her real token, its sub changed, its signature kept", token: tampered },
  ];
}
