import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { env } from "@/env";
import {
  findCurrentSigningKey,
  findPublishedSigningKeys,
  type NewSigningKey,
  replaceCurrentSigningKey,
  saveFirstSigningKey,
} from "@/storage/signing-keys";

/** Access tokens are signed with ES256 (ECDSA P-256 and SHA-256) only. */
export const signingAlgorithm = "ES256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * How long an instance of this server trusts its cached current key before asking the database
 * again. A key rotated anywhere (`npm run keys:rotate`, or another instance) signs this
 * instance's new tokens within this time; until then it signs with the key just retired, which
 * stays published long enough for those tokens too ({@link publishedPublicKeys}).
 */
export const signingKeyCacheMilliseconds = 5_000;
let cached: { key: SigningKey; loadedAt: number } | undefined;

/**
 * A new signing key: an ES256 key pair, its `kid` the RFC 7638 thumbprint of the public key. The
 * private key stays in the authorization server's table; production servers keep it in a KMS or
 * HSM instead.
 */
async function newSigningKey(): Promise<NewSigningKey> {
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

/**
 * Key rotation: a new key signs from now on, and the current one is retired. The retired key stays
 * in the JWKS for one access-token lifetime (and {@link signingKeyCacheMilliseconds} more), so
 * every token it signed keeps validating until it expires; resource servers fetch the new key when they first meet its `kid`. Two rotations at
 * once, on any instances, both happen, one after the other: one key is current at the end, and
 * the second caller's `retired` names the first caller's `kid` (storage/signing-keys.ts).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function rotateSigningKey(now = new Date()): Promise<{ kid: string; retired: string[]; publishedUntil: Date }> {
  const { kid, retired } = await replaceCurrentSigningKey(await newSigningKey(), now);
  cached = undefined;
  return { kid, retired, publishedUntil: new Date(now.getTime() + env.ACCESS_TOKEN_TTL_SECONDS * 1000 + signingKeyCacheMilliseconds) };
}

/**
 * The key that signs new access tokens, generated on first use and persisted, so tokens stay
 * valid across restarts. Instances that start together and each generate one end with one key:
 * the first stored, which they all then use (storage/signing-keys.ts).
 */
export async function currentSigningKey(): Promise<SigningKey> {
  if (cached && Date.now() - cached.loadedAt < signingKeyCacheMilliseconds) return cached.key;
  const row = (await findCurrentSigningKey()) ?? (await saveFirstSigningKey(await newSigningKey(), new Date()));
  const privateKey = (await importJWK(JSON.parse(row.privateJwk) as JWK, signingAlgorithm)) as CryptoKey;
  cached = { key: { kid: row.kid, privateKey }, loadedAt: Date.now() };
  return cached.key;
}

/**
 * The public keys resource servers may meet in a token: the current key, and every retired key
 * for as long as a token it signed can still be valid. That is one access-token lifetime after it
 * was retired, plus the time another instance may go on signing with it
 * ({@link signingKeyCacheMilliseconds}). Private parts are never published.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function publishedPublicKeys(now = new Date()): Promise<JWK[]> {
  await currentSigningKey();
  const stillUseful = new Date(now.getTime() - env.ACCESS_TOKEN_TTL_SECONDS * 1000 - signingKeyCacheMilliseconds);
  const rows = await findPublishedSigningKeys(stillUseful);
  return rows.map((row) => JSON.parse(row.publicJwk) as JWK);
}
