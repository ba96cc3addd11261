import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { env } from "@/env";
import { findCurrentSigningKey, findPublishedSigningKeys, replaceCurrentSigningKey, saveFirstSigningKey } from "@/storage/signing-keys";

/** Access tokens are signed with ES256 (ECDSA P-256 and SHA-256) only. */
export const signingAlgorithm = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * How long the process trusts its cached current key before asking the database again: after
 * `npm run keys:rotate`, new tokens are signed with the new key within this time.
 */
const cacheMilliseconds = 5_000;
let cached: { key: SigningKey; loadedAt: number } | undefined;

/**
 * Creates the first signing key: a new ES256 key pair, its `kid` the RFC 7638 thumbprint of the
 * public key. The private key stays in the authorization server's table; production servers keep
 * it in a KMS or HSM instead.
 */
async function newSigningKey() {
  const { publicKey, privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    algorithm: signingAlgorithm,
    publicJwk: JSON.stringify({ ...publicJwk, kid, alg: signingAlgorithm, use: "sig" }),
    privateJwk: JSON.stringify(await exportJWK(privateKey)),
  };
}

async function createSigningKey() {
  return saveFirstSigningKey(await newSigningKey());
}

/**
 * Key rotation: a new key signs from now on, and the current one is retired. The retired key stays
 * in the JWKS for one access-token lifetime, so every token it signed keeps validating until it
 * expires; resource servers fetch the new key when they first meet its `kid`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function rotateSigningKey(now = new Date()): Promise<{ kid: string; retired: string[]; publishedUntil: Date }> {
  const { kid, retired } = await replaceCurrentSigningKey(await newSigningKey(), now);
  cached = undefined;
  return { kid, retired, publishedUntil: new Date(now.getTime() + env.ACCESS_TOKEN_TTL_SECONDS * 1000) };
}

/**
 * The key that signs new access tokens, generated on first use and persisted, so tokens stay
 * valid across restarts.
 */
export async function currentSigningKey(): Promise<SigningKey> {
  if (cached && Date.now() - cached.loadedAt < cacheMilliseconds) return cached.key;
  const row = (await findCurrentSigningKey()) ?? (await createSigningKey());
  const privateKey = (await importJWK(JSON.parse(row.privateJwk) as JWK, signingAlgorithm)) as CryptoKey;
  cached = { key: { kid: row.kid, privateKey }, loadedAt: Date.now() };
  return cached.key;
}

/**
 * The public keys resource servers may meet in a token: the current key, and every retired key
 * for as long as a token it signed can still be valid (retired less than one access-token
 * lifetime ago). Private parts are never published.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function publishedPublicKeys(now = new Date()): Promise<JWK[]> {
  await currentSigningKey();
  const stillUseful = new Date(now.getTime() - env.ACCESS_TOKEN_TTL_SECONDS * 1000);
  const rows = await findPublishedSigningKeys(stillUseful);
  return rows.map((row) => JSON.parse(row.publicJwk) as JWK);
}
