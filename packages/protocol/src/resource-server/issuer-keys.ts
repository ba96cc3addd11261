import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from "jose";
import { cachedUntilFailure } from "../discovery/cached-until-failure.ts";
import { discoverAuthorizationServer, DiscoveryError } from "../discovery/discover-authorization-server.ts";
import type { AuthorizationServerMetadata } from "../messages/metadata.ts";
import { SigningKeysUnavailable } from "./errors.ts";

export interface IssuerKeysOptions {
  /** At least this long between two fetches of the JWKS for an unknown `kid`. */
  cooldownMilliseconds?: number;
  /** For tests: the fetch to use. */
  fetch?: typeof globalThis.fetch;
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

  async function discover(): Promise<JWTVerifyGetKey> {
    let metadata: AuthorizationServerMetadata;
    try {
      metadata = await discoverAuthorizationServer(issuer, { requiredEndpoints: ["jwks_uri"], fetch: fetchImplementation });
    } catch (error) {
      if (!(error instanceof DiscoveryError)) throw error;
      throw keysUnavailable(issuer, error);
    }
    return createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cooldownDuration: options.cooldownMilliseconds ?? 30_000,
      ...(options.fetch ? { [customFetch]: options.fetch } : {}),
    });
  }

  const keys = cachedUntilFailure(discover);
  return async (header, token) => {
    const resolve = await keys();
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

/** Why there are no keys, when the metadata that leads to them failed. */
function keysUnavailable(issuer: string, error: DiscoveryError): SigningKeysUnavailable {
  switch (error.code) {
    case "unreachable":
      return new SigningKeysUnavailable(`The metadata of ${issuer} could not be fetched.`, { cause: error });
    case "issuer_mismatch":
      return new SigningKeysUnavailable(`The metadata of ${issuer} names another issuer: ${String(error.cause)}.`, { cause: error });
    case "missing_endpoint":
      return new SigningKeysUnavailable(`The metadata of ${issuer} has no jwks_uri.`, { cause: error });
  }
}
