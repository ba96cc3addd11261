import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from "jose";
import type { AuthorizationServerMetadata } from "../messages/metadata.ts";
import { SigningKeysUnavailable } from "./errors.ts";

export interface IssuerKeysOptions {
  /** At least this long between two fetches of the JWKS for an unknown `kid`. */
  cooldownMilliseconds?: number;
  /** For tests: the fetch to use. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Where RFC 8414 §3 puts the metadata of an issuer: `/.well-known/oauth-authorization-server`
 * inserted between the host and any path of the issuer identifier.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 */
export function metadataUrl(issuer: string): URL {
  const url = new URL(issuer);
  const path = url.pathname === "/" ? "" : url.pathname;
  return new URL(`/.well-known/oauth-authorization-server${path}`, url.origin);
}

/**
 * The signing keys of an authorization server, found the way a resource server should find them:
 * through the server's metadata, whose `issuer` must be exactly the one expected (RFC 8414 §3.3),
 * then its `jwks_uri`. The key set is cached and fetched again when a token names an unknown
 * `kid`, at most once per cooldown. If the server is unreachable, the next call tries again, so
 * a resource server started before its authorization server recovers on its own.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export function issuerKeys(issuer: string, options: IssuerKeysOptions = {}): JWTVerifyGetKey {
  const fetchImplementation: typeof globalThis.fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  let keys: Promise<JWTVerifyGetKey> | undefined;

  async function discover(): Promise<JWTVerifyGetKey> {
    let metadata: Partial<AuthorizationServerMetadata>;
    try {
      const response = await fetchImplementation(metadataUrl(issuer), {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`the metadata answered ${response.status}`);
      metadata = (await response.json()) as Partial<AuthorizationServerMetadata>;
    } catch (error) {
      throw new SigningKeysUnavailable(`The metadata of ${issuer} could not be fetched.`, { cause: error });
    }
    if (metadata.issuer !== issuer) {
      throw new SigningKeysUnavailable(`The metadata of ${issuer} names another issuer: ${String(metadata.issuer)}.`);
    }
    if (typeof metadata.jwks_uri !== "string") {
      throw new SigningKeysUnavailable(`The metadata of ${issuer} has no jwks_uri.`);
    }
    return createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cooldownDuration: options.cooldownMilliseconds ?? 30_000,
      ...(options.fetch ? { [customFetch]: options.fetch } : {}),
    });
  }

  return async (header, token) => {
    keys ??= discover().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    const resolve = await keys;
    try {
      return await resolve(header, token);
    } catch (error) {
      // No key with this kid, even after a fetch: the token's fault. Anything else (a timeout, a
      // refused connection, a broken JWKS) is the key server's.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new SigningKeysUnavailable(`The signing keys of ${issuer} could not be fetched.`, { cause: error });
    }
  };
}
